package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Grouping;

import java.util.List;

/**
 * A query for groups of a grouping rather than codes: the dimension (0-based position) whose codes are grouped, the
 * grouping, and the groups asked for, in the grouping's order. Their values are computed from the members' values.
 */
public record Aggregation(int dimension, Grouping grouping, List<Grouping.Group> groups) {
    /** The flag of a group's value when a member had no value for the period: the value covers the others only. */
    public static final char INCOMPLETE = 'i';
}
