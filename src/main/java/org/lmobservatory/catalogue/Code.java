package org.lmobservatory.catalogue;

import java.util.Map;

public record Code(String id, String parent, String level, Map<String, String> labels, int sortOrder) {
}
