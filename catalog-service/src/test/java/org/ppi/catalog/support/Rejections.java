package org.ppi.catalog.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.ppi.platform.web.DomainRejection;

/** Matches a {@link DomainRejection} by HTTP status and machine code. */
public final class Rejections {
    private Rejections() {
    }

    public static Matcher<DomainRejection> rejected(int status, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRejection e) {
                return e.status() == status && e.code().equals(code);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("DomainRejection " + status + " " + code);
            }
        };
    }
}
