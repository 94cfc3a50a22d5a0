package org.lmobservatory.loader.codelists;

import java.util.Set;
import java.util.regex.Pattern;

/** The shape of NUTS codes: two letters of country, then one character per level (BG, BG4, BG41, BG411). */
final class NutsCodes {
    static final Pattern CODE = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");

    private NutsCodes() {
    }

    /** The code of a history cell: "FI1B1 (part)" (only part of the territory is meant) → "FI1B1". */
    static String withoutPart(String cell) {
        return isPart(cell) ? cell.substring(0, cell.length() - "(part)".length()).trim() : cell;
    }

    static boolean isPart(String cell) {
        return cell.endsWith("(part)");
    }

    /** country (NUTS 0), major-region (NUTS 1), region (NUTS 2), district (NUTS 3): the level names of the GEO list. */
    static String level(String code) {
        return switch (code.length()) {
            case 2 -> "country";
            case 3 -> "major-region";
            case 4 -> "region";
            default -> "district";
        };
    }

    static String level(int nutsLevel) {
        return level(2 + nutsLevel);
    }

    /** The code one level up (BG411 → BG41, BG4 → BG), or null for a country. */
    static String parent(String code) {
        return code.length() <= 2 ? null : code.substring(0, code.length() - 1);
    }

    /** The nearest ancestor by prefix that exists; historical lists have gaps (IT201 of 1999 has no IT20). */
    static String nearestExistingParent(String code, Set<String> known) {
        for (String p = parent(code); p != null; p = parent(p)) if (known.contains(p)) return p;
        return null;
    }
}
