package org.ppi.valuechain.support;

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
            protected boolean matchesSafely(DomainRejection rejection) {
                return rejection.status() == status && rejection.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainRejection " + status + " " + code);
            }

            @Override
            protected void describeMismatchSafely(DomainRejection rejection, Description description) {
                description.appendText("was " + rejection.status() + " " + rejection.getMessage());
            }
        };
    }
}
