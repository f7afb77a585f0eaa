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
        /** The state's index, which counts the events traced (the institution's lineage size); null for a loose fact. */
        FigureIndex index;

        void trace(String eventId) {
            if (!events.contains(eventId)) {
                events.add(eventId);
                if (index != null) {
                    index.traced();
                }
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
        /** The yearly goods, services and depreciation as last recorded. */
        public Rational nonLabour = Rational.ZERO;
        /** The last day the center was open; null while it is. */
        public java.time.LocalDate closedOn;

        Center(String id) {
            this.id = id;
        }

        /** Non-labour of a fiscal year: nothing after the closing day (the days open count, pro rata). */
        public Rational nonLabourIn(FiscalYear year) {
            if (closedOn == null || !closedOn.isBefore(year.end().minusDays(1))) {
                return nonLabour;
            }
            if (closedOn.isBefore(year.start())) {
                return Rational.ZERO;
            }
            return nonLabour.times(year.share(year.start(), closedOn.plusDays(1)));
        }
    }

    public static final class Employee extends Traced {
        public final String id;
        public String name;
        public String position;
        /** The center the latest staffing facts put the employee in (where the survey shows them now). */
        public String centerId;
        /** Hiring, transfers, salary and contract changes and departure, each with its effective date. */
        public final StaffingHistory staffing = new StaffingHistory();

        Employee(String id) {
            this.id = id;
        }
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

    /**
     * Weekly hours of one employee on one product as recorded by the interviews of one center: every value
     * recorded, so that the latest one (what a surveyor sees) and the latest validated one (what an institution
     * publishes) can both be read, whatever order the events arrived in.
     */
    public static final class Allocation extends Traced {
        public final String employeeId;
        public final String productId;
        /** The interview's center: the hours count for the employee's time there. */
        public final String centerId;
        final List<RecordedHours> recorded = new ArrayList<>();

        Allocation(String employeeId, String productId, String centerId) {
            this.employeeId = employeeId;
            this.productId = productId;
            this.centerId = centerId;
        }

        void record(RecordedHours value) {
            recorded.add(value);
        }

        /** The value recorded last; null before any. */
        public RecordedHours latest() {
            return recorded.stream().max(RecordedHours.ORDER).orElse(null);
        }

        /** The value recorded last by a validated interview or as a correction of one; null when none. */
        public RecordedHours latestValidated(java.util.Set<String> validatedInterviews) {
            return recorded.stream().filter(r -> r.correction() || validatedInterviews.contains(r.interviewId()))
                    .max(RecordedHours.ORDER).orElse(null);
        }
    }

    /** One recorded value of an allocation: a TimeAllocated of an interview, or an AllocationCorrected with its reason. */
    public record RecordedHours(java.time.Instant recordedAt, String eventId, String interviewId, Rational hours,
                                boolean correction, String reason) {
        static final java.util.Comparator<RecordedHours> ORDER = java.util.Comparator
                .comparing(RecordedHours::recordedAt).thenComparing(RecordedHours::eventId);
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
