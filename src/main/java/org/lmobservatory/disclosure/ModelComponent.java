package org.lmobservatory.disclosure;

/**
 * A part of an {@link AttackerModel} that shares no constraint with the rest, with the targets that live in it:
 * what the attacker learns about them depends on this part alone, so it is solved on its own.
 * All index arrays are ascending, which keeps solver input, and so results, deterministic.
 */
record ModelComponent(int[] variables, int[] constraints, int[] targets) {
}
