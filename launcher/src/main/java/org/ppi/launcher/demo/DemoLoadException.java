package org.ppi.launcher.demo;

/** A request of the demo load that the platform refused (or that could not be sent). */
public class DemoLoadException extends RuntimeException {
    private final String request;
    private final int status;
    private final String body;

    /**
     * @param request method and path, e.g. {@code POST /api/survey/employees}
     * @param status  the HTTP status, or -1 when no answer was received
     * @param body    the answer's body (or the cause's message)
     */
    public DemoLoadException(String request, int status, String body, Throwable cause) {
        super("Falló la solicitud " + request + (status < 0 ? " (sin respuesta)" : " con estado " + status) + ": "
                + body, cause);
        this.request = request;
        this.status = status;
        this.body = body;
    }

    public DemoLoadException(String request, int status, String body) {
        this(request, status, body, null);
    }

    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
