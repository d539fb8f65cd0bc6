#!/usr/bin/env bash
# The crash test (README, "Several instances"): the engine, PostgreSQL, Kafka and SMTP as processes
# of their own, two Flerpart instances, clients working cases through both, and one instance killed
# with kill -9 again and again. Prints the result table and writes target/krasch/resultat.json.
#
#   src/test/bench/krasch.sh [kills, default 20] [clients, default 4]
#
# Not part of ./mvnw verify. Needs Java 21+ as JAVA_HOME or on the PATH; ports 27500-27511 free.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DODNINGAR="${1:-20}"
KLIENTER="${2:-4}"
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/krasch-classpath.txt
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/krasch-classpath.txt)" \
  se.flerpart.krasch.KraschKorning "$DODNINGAR" "$KLIENTER"
