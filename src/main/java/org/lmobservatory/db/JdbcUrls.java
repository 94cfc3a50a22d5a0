package org.lmobservatory.db;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Accepts both JDBC URLs and the postgres://user:pass@host:port/db form that hosting platforms hand out. */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    public static String toJdbc(String url) {
        if (url.startsWith("jdbc:")) return url;
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) jdbc.append(':').append(uri.getPort());
        jdbc.append(uri.getRawPath());
        List<String> params = new ArrayList<>();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            params.add("user=" + parts[0]);
            if (parts.length > 1) params.add("password=" + parts[1]);
        }
        if (uri.getRawQuery() != null) params.add(uri.getRawQuery());
        if (!params.isEmpty()) jdbc.append('?').append(String.join("&", params));
        return jdbc.toString();
    }
}
