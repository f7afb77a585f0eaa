package org.ppi.costing.state;

import java.util.ArrayList;
import java.util.List;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;

/** The replicated facts costing needs, each with the ids of the events that made it what it is. */
public final class Facts {
    private Facts() {
    }

    /** The event ids behind a fact, in the order they were applied. */
    public abstract static class Traced {
        final List<String> events = new ArrayList<>();

        void trace(String eventId) {
            if (!events.contains(eventId)) {
                events.add(eventId);
            }
        }

        public List<String> events() {
            return events;
        }
    }

    public static final class Center extends Traced {
        public final String id;
        public String name;
        public CenterArea area;
        public Rational nonLabour = Rational.ZERO;
        public boolean closed;

        Center(String id) {
            this.id = id;
        }
    }

    public static final class Employee extends Traced {
        public final String id;
        public String name;
        public String position;
        public String centerId;
        /** The annual cost recorded at registration: it applies until the first salary change takes effect. */
        public Rational baseAnnualCost = Rational.ZERO;
        final List<SalaryChange> salaryChanges = new ArrayList<>();
        public Rational contractedHours;
        public boolean active = true;

        Employee(String id) {
            this.id = id;
        }

        /**
         * The cost of a fiscal year, pro rata temporis: each annual cost counts for the days of the year it was
         * in effect (a change effective 1 July counts for 184 of 365 days). Changes without an effective date
         * apply from the start; among changes effective the same day, the one recorded last wins. Without a
         * fiscal year, the latest annual cost.
         */
        public Rational annualCost(Integer fiscalYear) {
            List<SalaryChange> ordered = new ArrayList<>(salaryChanges);
            ordered.sort(SalaryChange.ORDER);
            if (fiscalYear == null) {
                return ordered.isEmpty() ? baseAnnualCost : ordered.get(ordered.size() - 1).annualCost();
            }
            java.time.LocalDate start = java.time.LocalDate.of(fiscalYear, 1, 1);
            java.time.LocalDate end = start.plusYears(1);
            Rational rate = baseAnnualCost;
            java.time.LocalDate from = start;
            Rational total = Rational.ZERO;
            for (SalaryChange change : ordered) {
                java.time.LocalDate effective = change.effectiveDate() == null ? java.time.LocalDate.MIN : change.effectiveDate();
                if (!effective.isAfter(start)) {
                    rate = change.annualCost();
                } else if (effective.isBefore(end)) {
                    total = total.plus(rate.times(Rational.of(java.time.temporal.ChronoUnit.DAYS.between(from, effective))));
                    rate = change.annualCost();
                    from = effective;
                }
            }
            total = total.plus(rate.times(Rational.of(java.time.temporal.ChronoUnit.DAYS.between(from, end))));
            return total.dividedBy(Rational.of(java.time.temporal.ChronoUnit.DAYS.between(start, end)));
        }
    }

    /** A salary change as recorded: effective date (the domain's clock) and recording time (the platform's). */
    record SalaryChange(java.time.LocalDate effectiveDate, java.time.Instant recordedAt, String eventId, Rational annualCost) {
        static final java.util.Comparator<SalaryChange> ORDER = java.util.Comparator
                .comparing(SalaryChange::effectiveDate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(SalaryChange::recordedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(SalaryChange::eventId);
    }

    public static final class Product extends Traced {
        public final String id;
        public String name;
        public String centerId;
        public ProductType type;
        public boolean core;
        public Rational volume;
        public String volumeUnit;
        public boolean retired;
        public String mergedInto;

        Product(String id) {
            this.id = id;
        }

        public boolean active() {
            return !retired && mergedInto == null && type != null;
        }
    }

    /** Weekly hours of one employee on one product: the latest recorded value wins, whatever the interview. */
    public static final class Allocation extends Traced {
        public final String employeeId;
        public final String productId;
        public Rational hours = Rational.ZERO;
        java.time.Instant recordedAt = java.time.Instant.MIN;
        String lastEventId = "";
        public String interviewId;

        Allocation(String employeeId, String productId) {
            this.employeeId = employeeId;
            this.productId = productId;
        }
    }

    public static final class Chain extends Traced {
        public final String id;
        public String terminalProductId;
        public boolean retired;

        Chain(String id) {
            this.id = id;
        }
    }

    public static final class Link extends Traced {
        public final String chainId;
        public final String supplierId;
        public final String consumerId;
        public Rational weight = Rational.ONE;
        public boolean active = true;

        Link(String chainId, String supplierId, String consumerId) {
            this.chainId = chainId;
            this.supplierId = supplierId;
            this.consumerId = consumerId;
        }
    }
}
