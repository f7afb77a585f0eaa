package org.ppi.platform.web;

import java.util.Arrays;

/**
 * A request the domain refuses. {@code code} is the stable machine code and the key of the message in
 * {@code messages_es/messages_en}; {@code field} names the offending input; {@code args} fill the message.
 */
public class DomainRejection extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Object[] args;

    public DomainRejection(int status, String code, String field, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")") + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.status = status;
        this.code = code;
        this.field = field;
        this.args = args;
    }

    public static DomainRejection badRequest(String code, String field, Object... args) {
        return new DomainRejection(400, code, field, args);
    }

    public static DomainRejection notFound(String code, String field, Object... args) {
        return new DomainRejection(404, code, field, args);
    }

    public static DomainRejection conflict(String code, String field, Object... args) {
        return new DomainRejection(409, code, field, args);
    }

    public static DomainRejection unprocessable(String code, String field, Object... args) {
        return new DomainRejection(422, code, field, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }
}
