package org.ppi.contracts;

/** CloudEvent extension attributes (lower-case, as the spec requires) that every PPI event carries. */
public final class CloudEventExtensions {
    public static final String TENANT = "tenantid";
    public static final String ACTOR = "actinguser";
    public static final String CAUSATION = "causationid";
    public static final String CORRELATION = "correlationid";
    public static final String INTERVIEW = "interviewid";
    public static final String SEQUENCE = "sequence";
    public static final String RECORDED = "recordedat";
    /** The CloudEvents distributed tracing extension: the W3C trace context of the command that recorded the event. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private CloudEventExtensions() {
    }
}
