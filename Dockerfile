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
# The class-data sharing archive records the jar's path, so it is made here, for /opt/tvarr/tvarr.jar, by the same
# training run as the build's (tvarr-app/pom.xml); written under a temporary name, since a JVM crashes on a half one.
# A runtime that cannot write one builds the image without it, and the JVM then starts without it.
RUN (java -XX:ArchiveClassesAtExit=/opt/tvarr/tvarr.jsa.tmp -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar /opt/tvarr/tvarr.jar generate --playlist /opt/tvarr/cds/training.m3u --guide /opt/tvarr/cds/training.xml \
      --include 'channel_name contains "UK"' --rule 'channel_name matches "^(.*) HD$" SET channel_name = "$1"' \
      --numbering sequential --out /tmp/cds-training \
    && mv /opt/tvarr/tvarr.jsa.tmp /opt/tvarr/tvarr.jsa) || echo "no class-data sharing archive"; \
    rm -rf /tmp/cds-training /opt/tvarr/tvarr.jsa.tmp
USER tvarr
ENV TVARR_DATA_DIR=/data
# see ./tvarr: resident size stays near 185 MB idle and 235 MB relaying; TVARR_JAVA_OPTS (after these) overrides
ENV MALLOC_ARENA_MAX=2 TVARR_JAVA_OPTS=""
VOLUME /data
# 8080: API, pages and players' doors; 65001/udp: HDHomeRun discovery
EXPOSE 8080 65001/udp
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["sh", "-c", "exec java -XX:+UseSerialGC -Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:MaxDirectMemorySize=64m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -XX:SharedArchiveFile=/opt/tvarr/tvarr.jsa -Xlog:cds=off -Xlog:cds+dynamic=off $TVARR_JAVA_OPTS -jar /opt/tvarr/tvarr.jar \"$@\"", "tvarr"]
CMD ["serve"]
