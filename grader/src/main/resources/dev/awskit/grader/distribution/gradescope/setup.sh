#!/usr/bin/env bash
# Prepares Gradescope's autograder image for the AWS SDK kit's grader. Gradescope runs this once,
# as root, when it builds the image. The grader and its libraries already sit in this zip, so the
# only thing to install is a JDK (a JDK, not a JRE: the grader compiles the submitted sources).
set -euo pipefail

# Prints the major version of the javac on the PATH, or nothing when there is none.
javac_major() {
  command -v javac >/dev/null 2>&1 || return 0
  javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p' | head -n 1
}

installed="$(javac_major)"
if [[ -n "$installed" && "$installed" -ge 17 ]]; then
  echo "JDK $installed is already installed; nothing to do."
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends openjdk-17-jdk-headless
  apt-get clean
  rm -rf /var/lib/apt/lists/*
fi

java -version
