package org.ppi.costing.state;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.ppi.contracts.money.Rational;

/**
 * One fiscal year of an institution: the days from its first to its last, inclusive. The institutions the
 * method serves budget by calendar year, so year N runs from 1 January to 31 December of N (365 or 366 days).
 */
public record FiscalYear(int year) {

    public LocalDate start() {
        return LocalDate.of(year, 1, 1);
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
