package org.lmobservatory.catalogue;

import java.util.Map;

public record Unit(String id, Map<String, String> label, int multiplier, int decimals) {
}
