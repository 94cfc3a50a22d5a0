package org.lmobservatory.disclosure;

/** The auditor still finds a hidden value too narrowly bounded after all the suppression that can help: nothing is published. */
public final class DisclosureRisk extends IllegalStateException {
    public DisclosureRisk(String message) {
        super(message);
    }
}
