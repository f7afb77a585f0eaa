package org.ppi.platform.projection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ppi.platform.web.Actor;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every answer of a projection service about an institution with a parked event says so: {@code PPI-Stale: true}
 * and {@code PPI-Parked: <open events>}, so a page or a client knows the figures stop before that event while every
 * other institution's are current.
 */
public class StaleFigures implements HandlerInterceptor {
    public static final String STALE = "PPI-Stale";
    public static final String PARKED = "PPI-Parked";

    private final ParkedEvents parked;

    public StaleFigures(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Actor.REQUEST_ATTRIBUTE) instanceof Actor actor && actor.institutionId() != null) {
            long open = parked.open(actor.institutionId());
            if (open > 0) {
                response.setHeader(STALE, "true");
                response.setHeader(PARKED, Long.toString(open));
            }
        }
        return true;
    }
}
