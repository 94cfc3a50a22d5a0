package org.lmobservatory.disclosure;

/** What a table publishes, which decides the rules that apply to it. */
public enum Kind {
    /** The denominator itself is published (graduates tracked); its people must not be recoverable. */
    COUNT,
    /** numerator / denominator is published (employment rate); numerator and complement must not be recoverable. */
    RATE
}
