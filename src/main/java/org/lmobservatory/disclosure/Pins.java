package org.lmobservatory.disclosure;

/** What holds a target at the end of its range: variables at an active bound and binding constraints (model indices). */
public record Pins(int[] variables, int[] constraints) {
}
