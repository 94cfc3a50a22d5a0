package org.lmobservatory.observations;

/** Whether rows carry codes, labels or both for every dimension. */
public enum LabelMode {
    CODE, LABEL, BOTH;

    public boolean codes() {
        return this != LABEL;
    }

    public boolean labels() {
        return this != CODE;
    }
}
