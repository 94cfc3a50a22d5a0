SELECT max(version) FROM published.flyway_schema_history WHERE success
