package org.ppi.costing.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.StaffingSpell;

/**
 * Everything recorded about one employee's staffing, each fact with its effective date (the domain's clock) and
 * its recording time (the platform's), and the spells of a fiscal year that follow from them.
 *
 * <p>Effective dates are the first day a fact holds (hired on, salary from, transferred on, contract from),
 * except a departure, whose date is the last day worked. Facts apply in effective-date order whatever order
 * they were recorded in; facts without a date apply from the start; among facts of one date the one recorded
 * last wins (a correction). A departure recorded again replaces the earlier one.
 */
public final class StaffingHistory {

    private enum Kind { TRANSFER, SALARY, HOURS }

    private record DatedFact(Kind kind, LocalDate effective, Instant recordedAt, String eventId, String centerId,
                             Rational value) {
        static final Comparator<DatedFact> ORDER = Comparator
                .comparing(DatedFact::effective, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DatedFact::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DatedFact::eventId);
    }

    private record Departure(LocalDate lastDay, Instant recordedAt, String eventId) {
    }

    private String initialCenter;
    private Rational initialCost = Rational.ZERO;
    private Rational initialHours;
    private LocalDate hiredOn;
    private Departure departure;
    private final List<DatedFact> facts = new ArrayList<>();
    private final Set<String> centers = new LinkedHashSet<>();

    void registered(String centerId, Rational annualCost, Rational contractedHours, LocalDate effectiveFrom) {
        initialCenter = centerId;
        initialCost = annualCost;
        initialHours = contractedHours;
        hiredOn = effectiveFrom;
        if (centerId != null) {
            centers.add(centerId);
        }
    }

    void transferred(String toCenterId, LocalDate effective, Instant recordedAt, String eventId) {
        facts.add(new DatedFact(Kind.TRANSFER, effective, recordedAt, eventId, toCenterId, null));
        centers.add(toCenterId);
    }

    void salaryChanged(Rational annualCost, LocalDate effective, Instant recordedAt, String eventId) {
        facts.add(new DatedFact(Kind.SALARY, effective, recordedAt, eventId, null, annualCost));
    }

    void contractedHoursChanged(Rational hours, LocalDate effective, Instant recordedAt, String eventId) {
        facts.add(new DatedFact(Kind.HOURS, effective, recordedAt, eventId, null, hours));
    }

    void left(LocalDate lastDay, Instant recordedAt, String eventId) {
        Departure candidate = new Departure(lastDay, recordedAt, eventId);
        if (departure == null || later(candidate, departure)) {
            departure = candidate;
        }
    }

    private static boolean later(Departure a, Departure b) {
        Instant x = a.recordedAt() == null ? Instant.MIN : a.recordedAt();
        Instant y = b.recordedAt() == null ? Instant.MIN : b.recordedAt();
        int c = x.compareTo(y);
        return c > 0 || (c == 0 && a.eventId().compareTo(b.eventId()) > 0);
    }

    /** Every center the employee was ever recorded in: the centers whose pricing this employee's figures use. */
    public Set<String> centers() {
        return centers;
    }

    /** The center the latest facts put the employee in, whatever the dates (where the survey shows them now). */
    public String currentCenter() {
        String center = initialCenter;
        for (DatedFact f : ordered()) {
            if (f.kind() == Kind.TRANSFER) {
                center = f.centerId();
            }
        }
        return center;
    }

    public boolean departed() {
        return departure != null;
    }

    /**
     * The spells of the fiscal year: from the later of its start and the hiring date to the earlier of its end and
     * the day after the departure, cut at every effective date in between; adjacent spells with the same facts
     * are one. Empty when the employee did not work any day of the year (or was never registered).
     */
    public List<StaffingSpell> spells(FiscalYear year) {
        if (initialCenter == null) {
            return List.of();
        }
        LocalDate from = hiredOn == null || hiredOn.isBefore(year.start()) ? year.start() : hiredOn;
        LocalDate to = year.end();
        if (departure != null && departure.lastDay() != null && departure.lastDay().plusDays(1).isBefore(to)) {
            to = departure.lastDay().plusDays(1);
        }
        if (!from.isBefore(to)) {
            return List.of();
        }
        String center = initialCenter;
        Rational cost = initialCost;
        Rational hours = initialHours;
        List<StaffingSpell> spells = new ArrayList<>();
        LocalDate spellStart = from;
        for (DatedFact f : ordered()) {
            LocalDate effective = f.effective();
            if (effective != null && !effective.isBefore(to)) {
                break;
            }
            if (effective != null && effective.isAfter(spellStart)) {
                add(spells, new StaffingSpell(center, year.share(spellStart, effective), cost, hours, spellStart,
                        effective.minusDays(1)));
                spellStart = effective;
            }
            switch (f.kind()) {
                case TRANSFER -> center = f.centerId();
                case SALARY -> cost = f.value();
                case HOURS -> hours = f.value();
            }
        }
        add(spells, new StaffingSpell(center, year.share(spellStart, to), cost, hours, spellStart, to.minusDays(1)));
        return spells;
    }

    private List<DatedFact> ordered() {
        List<DatedFact> ordered = new ArrayList<>(facts);
        ordered.sort(DatedFact.ORDER);
        return ordered;
    }

    /** Appends a spell, or lengthens the previous one when nothing that prices it changed. */
    private static void add(List<StaffingSpell> spells, StaffingSpell next) {
        if (!spells.isEmpty()) {
            StaffingSpell last = spells.get(spells.size() - 1);
            if (last.centerId().equals(next.centerId()) && last.annualCost().equals(next.annualCost())
                    && java.util.Objects.equals(last.contractedHours(), next.contractedHours())) {
                spells.set(spells.size() - 1, new StaffingSpell(last.centerId(), last.yearShare().plus(next.yearShare()),
                        last.annualCost(), last.contractedHours(), last.from(), next.to()));
                return;
            }
        }
        spells.add(next);
    }
}
