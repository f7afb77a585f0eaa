package org.ppi.budget.projection;

import java.time.Clock;
import java.time.Year;

import org.springframework.stereotype.Component;

/** The current fiscal year (UTC calendar year): the default year of an institution with no planned volume. */
@Component
public class FiscalClock {
    private final Clock clock = Clock.systemUTC();

    public int currentYear() {
        return Year.now(clock).getValue();
    }
}
