package org.ppi.budget.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.valuechain.ActivityKind;

/** The replicated facts the budget is built from, each with the ids of the events that made it what it is. */
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

    /**
     * A product's cost as costing last published it. Each publication is a complete snapshot of the figure, so
     * only the last one is behind the current value: its id, its cause and where its lineage is read are kept, not a
     * history.
     */
    public static final class ProductCost {
        public final String productId;
        public ProductType type;
        public boolean active;
        public Rational fullCost;
        public Rational volume;
        public String eventId;
        /** The survey, catalog or value-chain event that caused costing's figure. */
        public String causationEventId;
        public String lineageRef;

        ProductCost(String productId) {
            this.productId = productId;
        }

        /** Only active terminal products with a full cost are budgeted; intermediates reach programs through it. */
        public boolean terminal() {
            return active && type == ProductType.TERMINAL && fullCost != null;
        }
    }

    /** The institution's reconciliation as costing last published it. */
    public static final class InstitutionCost {
        public Rational totalCost;
        public Rational centralActions;
        public Rational unusedCapacity;
        /** Some hours behind the institution's cost come from an interview not validated yet. */
        public boolean provisional;
        public String eventId;
        public String causationEventId;
        public String lineageRef;
    }

    public static final class Chain extends Traced {
        public final String id;
        public String name;
        public String terminalProductId;
        public boolean retired;

        Chain(String id) {
            this.id = id;
        }
    }

    public static final class Activity {
        public final String id;
        public String name;
        public ActivityKind kind;
        public String productId;

        Activity(String id) {
            this.id = id;
        }
    }

    /** A program's planned volume of one product for one year; null volume = the plan was withdrawn. */
    public static final class Planned {
        public Rational volume;
        public String eventId;
    }

    /** A program's recorded share of one product for one year (ProgramShareSet); withdrawn shares are removed. */
    public static final class Share {
        public Rational value;
        public String eventId;
    }

    /** An APNOP line as last recorded or corrected; {@code removed} once ApnopLineRemoved arrives. */
    public static final class Apnop extends Traced {
        public final String id;
        public int fiscalYear;
        public String name;
        public String kind;
        public Rational amount;
        public boolean removed;

        Apnop(String id) {
            this.id = id;
        }
    }

    public static final class Program extends Traced {
        public final String id;
        public String code;
        public String name;
        public String expectedResult;
        /** False until ProgramDefined arrives: events of a program can precede its definition across topics. */
        public boolean defined;
        public final Map<String, Activity> activities = new TreeMap<>();
        public final TreeSet<String> chainIds = new TreeSet<>();
        /** fiscal year → product → plan. */
        public final Map<Integer, Map<String, Planned>> planned = new TreeMap<>();

        Program(String id) {
            this.id = id;
        }
    }
}
