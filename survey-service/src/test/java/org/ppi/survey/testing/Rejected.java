package org.ppi.survey.testing;

import static org.hamcrest.Matchers.containsString;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.ppi.platform.web.DomainRejection;

/** Matches a DomainRejection by HTTP status and code, for {@code fixture...expectException(rejected(...))}. */
public final class Rejected extends TypeSafeMatcher<DomainRejection> {
    private final int status;
    private final String code;

    private Rejected(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public static Matcher<DomainRejection> rejected(int status, String code) {
        return new Rejected(status, code);
    }

    /** The command was refused with this status and code, and wrote no event. */
    public static void assertRejected(ResultValidator<?> result, int status, String code) {
        result.expectNoEvents()
                .expectException(DomainRejection.class)
                .expectException(rejected(status, code))
                .expectExceptionMessage(containsString(code));
    }

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
        description.appendText("was " + rejection.status() + " " + rejection.code());
    }
}
