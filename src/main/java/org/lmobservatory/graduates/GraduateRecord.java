package org.lmobservatory.graduates;

import java.util.List;

/**
 * One graduate as a data owner's file describes them: pseudonymous id, where and what they graduated in, and what
 * they were doing 6, 12 and 24 months later. Confidential: it lives in staging only.
 */
public record GraduateRecord(int line, String graduateId, String school, String schoolName, String country, String region,
                             String municipality, String field, String iscedLevel, String sex, int graduationYear,
                             List<FollowUp> followUps) {

    /** The follow-up points, in the order of {@link #followUps()}; also the codes of the months dimension. */
    public static final List<String> MONTHS = List.of("M06", "M12", "M24");

    public enum Status {
        EMPLOYED, EDUCATION, BOTH, NEET, UNKNOWN;

        public String code() {
            return name().toLowerCase();
        }

        public boolean employed() {
            return this == EMPLOYED || this == BOTH;
        }
    }

    /** Status at one follow-up point; earnings band (national decile 1–10) and field match only for the employed. */
    public record FollowUp(Status status, Integer earningsBand, Boolean inField) {
    }
}
