package org.ppi.launcher.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on 127.0.0.1 that plays a container network's private name for Keycloak (docker-compose's
 * {@code keycloak:8080}): every byte goes to the target unchanged, and the request lines ({@code POST /realms/ppi/...})
 * the clients sent are recorded, so a test can see who used the back-channel and for what. The Host header stays
 * the forwarder's address, so Keycloak ({@code --hostname-backchannel-dynamic}) lists its back-channel endpoints
 * on it too.
 */
final class RecordingForwarder implements AutoCloseable {
    /** Not anchored at a line start: on a kept-alive connection a request follows the previous body directly. */
    private static final Pattern REQUEST_LINE = Pattern.compile("(GET|POST|PUT|DELETE|HEAD|OPTIONS) (/\\S*) HTTP/1\\.[01]\r\n");

    private final ServerSocket server;
    private final int targetPort;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RecordingForwarder(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The request lines seen so far, e.g. {@code "POST /realms/ppi/protocol/openid-connect/token"}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon(() -> pipe(client, target, true));
                daemon(() -> pipe(target, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean record) {
        StringBuilder seen = new StringBuilder();
        int scanned = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (record) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    Matcher line = REQUEST_LINE.matcher(seen);
                    while (line.find(scanned)) {
                        requests.add(line.group(1) + " " + line.group(2).replaceFirst("\\?.*", ""));
                        scanned = line.end();
                    }
                }
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "recording-forwarder");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
