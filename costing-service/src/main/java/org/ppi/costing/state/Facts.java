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
        public Rational annualCost = Rational.ZERO;
        public Rational contractedHours;
        public boolean active = true;

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
