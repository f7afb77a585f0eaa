package org.ppi.catalog.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.UserGroup;

/**
 * Productive features in one canonical shape (trimmed texts, blanks as null, no null or blank list entries),
 * so that "revised to the same features" is recognised and events never carry nulls inside collections.
 */
final class Features {
    private Features() {
    }

    static ProductFeatures normalized(ProductFeatures f) {
        if (f == null) {
            return new ProductFeatures(null, Set.of(), null, null, List.of(), null, null);
        }
        return new ProductFeatures(text(f.description()), users(f.users()), f.frequency(), text(f.elaborationTime()),
                steps(f.processSteps()), text(f.problems()), text(f.synergies()));
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Set<UserGroup> users(Collection<UserGroup> users) {
        EnumSet<UserGroup> set = EnumSet.noneOf(UserGroup.class);
        if (users != null) {
            users.stream().filter(u -> u != null).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }

    private static List<String> steps(List<String> steps) {
        List<String> result = new ArrayList<>();
        if (steps != null) {
            steps.stream().map(Features::text).filter(s -> s != null).forEach(result::add);
        }
        return List.copyOf(result);
    }
}
