# Sourced by ./mvnw, ./rapport and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it qualifies, then the `java` on PATH, then the newest JDK in the usual
# system folders. Fails with a clear message when none is found.
rapport_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit}'
}

rapport_select_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(rapport_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge "$min" ] && return 0
  fi
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(rapport_java_major "$candidate")
    if [ "${major:-0}" -ge "$min" ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(rapport_java_major "$candidate")
    if [ "${major:-0}" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "Rapport needs a JDK $min or newer: set JAVA_HOME to one (found none in JAVA_HOME, PATH or /usr/lib/jvm)." >&2
  return 1
}
