"""The one file policy: how congvan reads what a user gives it and writes what it makes.

Reading (forms, lists of rows, images, DOCX to check, templates):

- only regular files are read.  A device (``/dev/zero``), a FIFO, a socket or
  a folder is refused by name before a byte is read: a device never ends, a
  FIFO blocks until some other program writes, and neither is a document;
- a file is opened with ``O_NONBLOCK`` (so a FIFO cannot hang the open) and
  checked with ``fstat`` on the open descriptor (so it cannot be swapped
  between the check and the read); then at most ``limit + 1`` bytes are read,
  whatever ``stat`` claimed the size was;
- ``-`` is standard input (``congvan render - -o x.docx``), read the same
  bounded way.

Writing (render, preview, PDF, mail merge, follow-up, ``check --fix``,
appendices in their own file, ``congvan new``):

- the output is never one of the files this process read: the same file is
  recognised by device and inode, so a symbolic or hard link to the form is
  refused too (``render f.yaml -o f.yaml`` used to replace the form);
- only a regular file (or nothing) is replaced: a device, FIFO, socket or
  folder at the output's name is refused, so ``-o /dev/null`` run as root
  cannot replace the device with a DOCX;
- a read-only output file is **refused**, not replaced: the clerk (or an
  archive) made it read-only on purpose, and a rename would quietly defeat it;
- the data goes to a temporary file created in the target's folder with
  ``O_CREAT | O_EXCL | O_NOFOLLOW`` under an unpredictable name, is flushed to
  disk, then renamed over the target: a planted name (a symlink waiting under
  the temporary's name) is never followed, a reader never sees half a file,
  and a failure leaves the previous file as it was;
- ``-`` is standard output (``render -o -``).
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path

from .errors import CongVanError, Problem

STDIO = "-"

#: (device, inode) of every file this process has read as input: never an output.
_inputs: set[tuple[int, int]] = set()


class FileRefused(CongVanError):
    """A path congvan will not read from or write to (and why)."""

    def __init__(self, path: str | os.PathLike, vi: str, en: str, code: str = "unreadable"):
        super().__init__([Problem(path="", file=str(path), vi=vi, en=en, code=code)])


class OutputRefused(FileRefused, OSError):
    """An output refused by the policy; an OSError too, so every writer's
    "cannot write" handling (exit 1) applies to it unchanged."""

    def __init__(self, path: str | os.PathLike, vi: str, en: str):
        FileRefused.__init__(self, path, vi, en, "output-refused")
        self.strerror = f"{vi} / {en}"
        self.errno = None
        self.filename = str(path)

    def __str__(self) -> str:
        return self.strerror


_KINDS = ((stat.S_ISDIR, "thư mục", "a folder"), (stat.S_ISCHR, "thiết bị", "a device"),
          (stat.S_ISBLK, "thiết bị", "a device"), (stat.S_ISFIFO, "ống FIFO", "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "socket", "a socket"))


def _kind(mode: int) -> tuple[str, str]:
    for test, vi, en in _KINDS:
        if test(mode):
            return vi, en
    return "tệp đặc biệt", "a special file"


# --- reading ---------------------------------------------------------------------------------

def read_bounded(path: str | os.PathLike, limit: int, what: tuple[str, str] = ("", "file"),
                 stdin=None) -> bytes:
    """The bytes of a user's file, at most ``limit``; FileRefused (bilingual,
    naming the file) when it is missing, not a regular file, or larger."""
    name, (vi, en) = str(path), what
    label_vi = f"tệp {vi}".strip()
    if name == STDIO:
        stream = stdin or sys.stdin.buffer
        return _check_size(name, stream.read(limit + 1), limit, label_vi, en)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileRefused(name, f"Không tìm thấy {label_vi} {name}", f"{en} {name} not found", "not-found") from None
    except IsADirectoryError:
        raise FileRefused(name, f"{name} là thư mục, không phải tệp", f"{name} is a folder, not a file") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileRefused(name, f"Không đọc được tệp {name}: {reason}", f"cannot read {name}: {reason}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind_vi, kind_en = _kind(info.st_mode)
            raise FileRefused(name, f"{name} là {kind_vi}, không phải tệp thường: chỉ đọc tệp thường",
                              f"{name} is {kind_en}, not a regular file: only regular files are read",
                              "not-a-regular-file")
        if info.st_size > limit:
            raise _too_large(name, limit, label_vi, en)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        _inputs.add((info.st_dev, info.st_ino))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileRefused(name, f"Không đọc được tệp {name}: {reason}", f"cannot read {name}: {reason}") from None
    finally:
        os.close(fd)
    return _check_size(name, b"".join(chunks), limit, label_vi, en)


def _check_size(name: str, data: bytes, limit: int, label_vi: str, en: str) -> bytes:
    if len(data) > limit:
        raise _too_large(name, limit, label_vi, en)
    return data


def _too_large(name: str, limit: int, label_vi: str, en: str) -> FileRefused:
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
    return FileRefused(name, f"{label_vi.capitalize()} {name} lớn hơn {size}",
                       f"the {en} {name} is larger than {size}", "too-large")


def remember_input(path: str | os.PathLike) -> None:
    """Mark a file read by other means (a library, a subprocess) as an input."""
    try:
        info = os.stat(path)
    except OSError:
        return
    _inputs.add((info.st_dev, info.st_ino))


# --- writing ---------------------------------------------------------------------------------

def check_output(path: str | os.PathLike) -> Path:
    """The target, if the policy lets congvan write it; OutputRefused otherwise."""
    target = Path(path)
    try:
        info = os.stat(target)  # follows links: a link to the form is the form
    except OSError:  # nothing there (or no folder): the write itself reports what is wrong
        info = None
    if info is None:
        return target
    if (info.st_dev, info.st_ino) in _inputs:
        raise OutputRefused(target, f"{target} là tệp đầu vào (hoặc liên kết tới nó): không ghi đè lên đầu vào,"
                            " hãy chọn tên khác (-o)",
                            f"{target} is an input file (or a link to one): congvan never writes over its input;"
                            " choose another name (-o)")
    if not stat.S_ISREG(info.st_mode):
        kind_vi, kind_en = _kind(info.st_mode)
        raise OutputRefused(target, f"{target} là {kind_vi}, không phải tệp thường: không ghi vào đó",
                            f"{target} is {kind_en}, not a regular file: congvan writes only regular files")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise OutputRefused(target, f"{target} chỉ đọc (read-only): không thay thế; bỏ chế độ chỉ đọc hoặc chọn tên khác",
                            f"{target} is read-only: congvan does not replace it; make it writable or choose"
                            " another name")
    return target


def write_atomic(path: str | os.PathLike, data: bytes, stdout=None) -> Path:
    """Write ``data`` to ``path`` under the policy above (``-``: standard output)."""
    if str(path) == STDIO:
        stream = stdout or sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return Path(STDIO)
    target = check_output(path)
    fd, tmp = create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise
    return target


def copy_atomic(source: str | os.PathLike, path: str | os.PathLike) -> Path:
    """Put a finished file (a PDF LibreOffice made) in place under the policy."""
    with open(source, "rb") as handle:
        data = handle.read()
    return write_atomic(path, data)


def create_temp(target: Path) -> tuple[int, Path]:
    """A new file beside target under an unpredictable name, never a planted one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(16):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp  # 0666 less the umask: an ordinary document
        except FileExistsError:
            continue
    raise OutputRefused(target, f"không tạo được tệp tạm cạnh {target}", f"cannot create a temporary file beside {target}")


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
