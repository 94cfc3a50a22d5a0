package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * An additive relation a reader can use: along one dimension, the parent cell equals the sum of its children with
 * every other code fixed. The parent counts as a member, so a lone suppressed child is as exposed as a lone
 * suppressed total.
 */
public record Group(int dimension, List<String> parent, List<List<String>> children) {
    public List<List<String>> members() {
        List<List<String>> all = new ArrayList<>(children.size() + 1);
        all.add(parent);
        all.addAll(children);
        return all;
    }
}
