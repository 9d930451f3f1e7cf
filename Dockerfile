# tvarr in a container: built with the Maven wrapper, run on Debian's slim Java runtime with Debian's FFmpeg.
# docker build -t tvarr . && docker run -p 8080:8080 -p 65001:65001/udp -v tvarr-data:/data tvarr

FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests -Dtvarr.cds.skip=true -pl tvarr-app -am

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless ffmpeg curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data tvarr \
 && mkdir -p /data /opt/tvarr && chown tvarr /data
COPY --from=build /src/tvarr-app/target/tvarr.jar /opt/tvarr/tvarr.jar
COPY --from=build /src/tvarr-app/src/cds /opt/tvarr/cds
# The launcher of a source checkout (./tvarr), which here runs the jar of TVARR_JAR: the same JVM flags as there,
# per command (`generate` with the quick compiler only and a 64 MB initial heap), and the archive beside the jar.
COPY tvarr /opt/tvarr/tvarr
# The class-data sharing archive records the jar's path, so it is made here, for /opt/tvarr/tvarr.jar, as the build
# makes target/tvarr.jsa (tvarr-app/pom.xml): StartupTraining lists the classes of a `tvarr generate` over cds/ and of
# a server started until /readyz answers (on 127.0.0.1, a free port), and a static dump stores them with the JDK's
# own. Written under a temporary name, since a JVM crashes on a half one; a runtime that cannot write one builds the
# image without it, and the JVM then starts without it.
RUN (java -XX:DumpLoadedClassList=/tmp/tvarr.classlist -cp /opt/tvarr/tvarr.jar io.tvarr.app.StartupTraining \
      /tmp/cds-training/data \
      generate --playlist /opt/tvarr/cds/training.m3u --guide /opt/tvarr/cds/training.xml \
      --include 'channel_name contains "UK"' --rule 'channel_name matches "^(.*) HD$" SET channel_name = "$1"' \
      --numbering sequential --out /tmp/cds-training \
    && java -Xshare:dump -XX:SharedClassListFile=/tmp/tvarr.classlist -XX:SharedArchiveFile=/opt/tvarr/tvarr.jsa.tmp \
      -Xlog:disable -Xlog:all=error -cp /opt/tvarr/tvarr.jar \
    && mv /opt/tvarr/tvarr.jsa.tmp /opt/tvarr/tvarr.jsa) || echo "no class-data sharing archive"; \
    rm -rf /tmp/cds-training /tmp/tvarr.classlist /opt/tvarr/tvarr.jsa.tmp
USER tvarr
# the tvarr user's home is /data: sqlite-jdbc's native library is kept in /data/.cache/tvarr after the first start
ENV TVARR_DATA_DIR=/data TVARR_JAR=/opt/tvarr/tvarr.jar
# see ./tvarr: resident size stays near 185 MB idle and 235 MB relaying; TVARR_JAVA_OPTS (after its flags) overrides
ENV MALLOC_ARENA_MAX=2 TVARR_JAVA_OPTS=""
VOLUME /data
# 8080: API, pages and players' doors; 65001/udp: HDHomeRun discovery
EXPOSE 8080 65001/udp
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["/opt/tvarr/tvarr"]
CMD ["serve"]
