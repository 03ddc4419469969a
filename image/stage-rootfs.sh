#!/usr/bin/env bash
# Stages the file tree of the grader's container image, which Jib then packs on top of an empty
# base: the JDK this build runs on (its files, links followed), the packaged grader without the
# reference solution, bubblewrap, setpriv, prlimit and kill, and every shared library those
# programs load, found with ldd. Nothing is downloaded: the image holds what this build tested.
#   stage-rootfs.sh ROOTFS GRADER_TARGET JAVA_HOME
set -euo pipefail
rootfs=$1 grader=$2 java_home=$3
rm -rf "$rootfs"
mkdir -p "$rootfs"/{opt/awskit/lib,usr/bin,etc,tmp,run,data}
chmod 1777 "$rootfs/tmp"

# The JDK, without what only development needs; its links are followed, dangling ones (src.zip
# without the source package) left out.
mkdir -p "$rootfs/opt/java"
(cd "$java_home" && find -L bin conf lib legal release -type f -print0 \
  | xargs -0 cp -L --parents -t "$rootfs/opt/java")

# The grader and its libraries; the reference solution never goes in, nor JPlag (GPL-3.0), which
# only the similarity check of a whole class needs, never a pod grading a shard.
cp "$grader/awskit-grader.jar" "$rootfs/opt/awskit/"
for jar in "$grader"/lib/*.jar; do
  # grep reads the whole listing: with pipefail, grep -q leaving early would fail the pipe.
  if unzip -Z1 "$jar" | grep -E '^(dev/awskit/solutions|de/jplag)/' >/dev/null; then
    continue
  fi
  cp "$jar" "$rootfs/opt/awskit/lib/"
done
if unzip -Z1 "$rootfs/opt/awskit/awskit-grader.jar" | grep '^dev/awskit/solutions/' >/dev/null; then
  echo "The grader jar holds the reference solution; it must not go into the image." >&2
  exit 1
fi

# The isolation tools, and the libraries of every program and JDK library, with the loader.
tools=()
for tool in bwrap setpriv prlimit kill; do
  path=$(type -P "$tool") || { echo "$tool is missing: apt-get install bubblewrap util-linux procps" >&2; exit 1; }
  cp -L "$path" "$rootfs/usr/bin/$tool"
  tools+=("$path")
done
# The JDK's desktop, sound and smart-card libraries are left without theirs: a headless grader
# never loads them.
mapfile -t elves < <(find -L "$java_home/bin" "$java_home/lib" -type f \( -name '*.so' -o -perm -u+x \) \
  ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' ! -name 'libj2pcsc.so' -print)
ldd "${tools[@]}" "${elves[@]}" 2>/dev/null \
  | grep -oE '/[^ ]+\.so[^ ]*' | sort -u \
  | while read -r library; do
      case "$library" in "$java_home"/*) continue ;; esac
      target="$rootfs/lib/$(basename "$(dirname "$library")")"
      [ "$(dirname "$library")" = /lib64 ] && target="$rootfs/lib64"
      mkdir -p "$target"
      cp -L "$library" "$target/"
    done

# A name for the unprivileged user the image runs as, for tools that look it up.
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\ngrader:x:65532:65532:grader:/data:/usr/sbin/nologin\n' \
  > "$rootfs/etc/passwd"
printf 'root:x:0:\ngrader:x:65532:\n' > "$rootfs/etc/group"
