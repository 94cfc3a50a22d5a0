# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY db db
COPY openapi openapi
RUN mvn -B -ntp -q -DskipTests package

# Runtime stage: JRE only, non-root user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app observatory
WORKDIR /app
COPY --from=build /src/target/observatory.jar /app/observatory.jar
COPY seed /app/seed
RUN mkdir -p /app/data && chown -R observatory /app
USER observatory
# Point at your PostgreSQL (>= 14); without it an embedded PostgreSQL keeps its data in /app/data.
ENV DATABASE_URL="" \
    DATABASE_USER="" \
    DATABASE_PASSWORD="" \
    PORT=7070 \
    LMO_DATA_DIR=/app/data
EXPOSE 7070
VOLUME ["/app/data"]
# The JVM sizes itself from the container's memory limit (JDK 17 is container-aware): half of it for the heap, since
# the embedded PostgreSQL (256 MB shared buffers) and the page cache need the rest; a JVM out of memory exits so that
# the orchestrator restarts it instead of serving errors.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/observatory.jar"]
CMD ["serve"]
