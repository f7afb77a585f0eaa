package org.ppi.costing.state;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.ppi.contracts.money.Rational;

/**
 * One fiscal year of an institution: the days from its first to its last, inclusive. Fiscal year N begins on the
 * first day of the institution's start month in calendar year N (January by default: 1 January to 31 December
 * of N, 365 or 366 days; start month 7: 1 July N to 30 June N+1).
 */
public record FiscalYear(int year, int startMonth) {

    public FiscalYear {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("start month " + startMonth);
        }
    }

    /** A calendar fiscal year. */
    public FiscalYear(int year) {
        this(year, 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, startMonth, 1);
    }

    /** The first day after the year. */
    public LocalDate end() {
        return start().plusYears(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start(), end());
    }

    /** The share of the year in [from, to): days over the year's days. */
    public Rational share(LocalDate from, LocalDate to) {
        return Rational.of(ChronoUnit.DAYS.between(from, to)).dividedBy(Rational.of(days()));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(end());
    }
}
