"""Hồ sơ cơ quan (``co_quan.yaml``): what an office writes once — its names and
abbreviations, place, usual signers, contact footer, Lưu units, house style —
and every form then leaves out.

A profile holds any field of the form (``VanBan``) except those each document
has its own (:data:`PER_DOCUMENT`), so a field another part of congvan adds to
the form (an ô 12 style, a numbering scheme) can be given as an agency default
the day it exists.  Two fields are the profile's own: ``nguoi_ky`` is a table of
named signers (``giam-doc: {chuc_vu: …, ho_ten: …}``) and ``nguoi_ky_mac_dinh``
the key used when a form names none.

Where a form finds its profile, first match wins:

1. ``--co-quan FILE`` on the command line (``congvan.load(path, co_quan=…)``);
2. ``ho_so:`` in the form: a file relative to the form (in the service: the name
   of a profile in the operator's folder, never a path), a mapping holding the
   profile itself, or ``false`` for none;
3. a file ``co_quan.yaml`` beside the form.

The merge (:func:`merge`) — anything the form gives wins:

* a scalar (text, number, true/false) in the form replaces the profile's;
* a mapping (``co_quan_ban_hanh``, ``lien_he``, ``luu`` …) is merged field by
  field, each field by these same rules;
* a list in the form replaces the profile's, except the lists in
  :data:`APPENDED` (``noi_nhan``): the profile's items follow the form's, an
  item the form already lists is not repeated;
* ``nguoi_ky``: a key (``nguoi_ky: giam-doc``) picks a signer of the profile; a
  mapping is the form's own signer, used as written (never mixed with one of
  the profile's); none: the profile's ``nguoi_ky_mac_dinh``, or its only signer.

The profile is read and checked on its own first, so its errors point at
``co_quan.yaml:line:column``; then the merged form is validated as any form.
"""

from __future__ import annotations

import copy
import difflib
import re
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, create_model

from .errors import FormError, Position, Problem, problems_from_validation

FILE_NAME = "co_quan.yaml"
FORM_KEY = "ho_so"  # the form's field that names its profile
SIGNERS, DEFAULT_SIGNER = "nguoi_ky", "nguoi_ky_mac_dinh"
#: Fields every document has its own: never an agency default.
PER_DOCUMENT = ("loai", "so", "ky_hieu", "ngay", "trich_yeu", "noi_dung", "phu_luc", "kem_theo", "giay_moi",
                "gioi_thieu", "bien_ban", "nghi_phep", "ban_sao", "ky_so", "danh_sach")
#: Lists the profile adds its items to (after the form's); every other list is replaced.
APPENDED = (("noi_nhan",),)
MAX_BYTES = 1024 * 1024
#: A profile's name in the service's folder: a file name, no path.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.ya?ml)?$")
SignerKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


def _problem(vi: str, en: str, code: str, name: str | None, at: Position | None = None, path: str = "",
             value: Any = None) -> FormError:
    line, column = at or (None, None)
    return FormError([Problem(path=path, vi=vi, en=en, file=name, line=line, column=column, value=value, code=code)])


# --- the profile's model (for its errors and its JSON Schema) ------------------------


@cache
def profile_model() -> type[BaseModel]:
    """Every field of the form but the per-document ones, all optional; named signers."""
    from .model import NguoiKy, VanBan

    fields: dict[str, Any] = {
        "schema_": (Optional[str], Field(default=None, alias="$schema", description="JSON Schema của hồ sơ / schema URL")),
    }
    for name, info in VanBan.model_fields.items():
        if name in PER_DOCUMENT or name in ("schema_", SIGNERS):
            continue
        fields[name] = (Optional[info.annotation], Field(default=None, description=info.description))
    fields[SIGNERS] = (dict[SignerKey, NguoiKy], Field(
        default_factory=dict, description="Người ký thường dùng, mỗi người một khóa (ví dụ giam-doc); biểu mẫu chọn"
        " bằng 'nguoi_ky: giam-doc' / usual signers by key; a form picks one with 'nguoi_ky: giam-doc'"))
    fields[DEFAULT_SIGNER] = (Optional[SignerKey], Field(
        default=None, description="Khóa người ký khi biểu mẫu không ghi nguoi_ky / the signer used when a form names none"))
    config = ConfigDict(extra="forbid", title="Hồ sơ cơ quan (co_quan.yaml)", populate_by_name=True)
    return create_model("HoSoCoQuan", __config__=config, **fields)


def allowed_fields() -> list[str]:
    return [info.alias or name for name, info in profile_model().model_fields.items()]


# --- reading a profile -----------------------------------------------------------------


def read(path: str | Path) -> dict:
    """A profile file, checked; relative image paths made absolute from its folder."""
    from .forms import decode, parse, read_limited

    name = str(path)
    data, positions = parse(decode(read_limited(path, MAX_BYTES, ("hồ sơ cơ quan", "agency profile")), name), name)
    return checked(data, positions, name, Path(path).resolve().parent)


def checked(data: Any, positions: dict[str, Position] | None = None, name: str | None = None,
            folder: Path | None = None) -> dict:
    """The profile's data when it is a valid profile; a FormError located in it otherwise."""
    from .forms import resolve_files

    positions = positions or {}
    if not isinstance(data, dict):
        raise _problem("Hồ sơ cơ quan phải là một nhóm trường (co_quan_ban_hanh:, dia_danh:, …)",
                       "an agency profile must be a mapping of fields (co_quan_ban_hanh:, dia_danh:, …)",
                       "not-a-mapping", name, (1, 1))
    if problems := _unknown(data, positions, name):
        raise FormError(problems)
    if folder is not None:
        data = resolve_files(data, folder)
    problems = []
    try:
        profile_model().model_validate({k: v for k, v in data.items() if k != SIGNERS})
    except ValidationError as exc:
        problems += problems_from_validation(exc, positions, name)
    problems += _signer_problems(data.get(SIGNERS), positions, name)
    if problems:
        raise FormError(problems)
    default = data.get(DEFAULT_SIGNER)
    if default is not None and default not in (data.get(SIGNERS) or {}):
        raise _problem(f"Không có người ký '{default}' trong nguoi_ky của hồ sơ",
                       f"no signer '{default}' under the profile's nguoi_ky", "profile-unknown-signer", name,
                       positions.get(DEFAULT_SIGNER), DEFAULT_SIGNER, default)
    return data


def _signer_problems(signers: Any, positions: dict[str, Position], name: str | None) -> list[Problem]:
    """Each named signer checked as a form's nguoi_ky, its errors under ``nguoi_ky.<key>``
    (keys like ``giam-doc`` are kept in the path as written)."""
    from .model import NguoiKy

    if signers is None:
        return []
    if not isinstance(signers, dict):
        line, column = positions.get(SIGNERS, (None, None))
        return [Problem(path=SIGNERS, code="wrong-type", file=name, line=line, column=column,
                        vi="nguoi_ky của hồ sơ là các người ký theo khóa, ví dụ 'giam-doc: {chuc_vu: …, ho_ten: …}'",
                        en="a profile's nguoi_ky holds signers by key, e.g. 'giam-doc: {chuc_vu: …, ho_ten: …}'")]
    problems = []
    for key, signer in signers.items():
        root = f"{SIGNERS}.{key}"
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", str(key)):
            line, column = positions.get(root, (None, None))
            problems.append(Problem(path=root, code="wrong-type", file=name, line=line, column=column, value=key,
                                    vi=f"Khóa người ký '{key}' chỉ gồm chữ thường không dấu, số, '-', ví dụ giam-doc",
                                    en=f"signer key '{key}': lower-case ASCII letters, digits and '-', e.g. giam-doc"))
            continue
        try:
            NguoiKy.model_validate(signer)
        except ValidationError as exc:
            for p in problems_from_validation(exc, _under(positions, root), name):
                where = positions.get(f"{root}.{p.path}") or positions.get(root)
                line, column = where or (p.line, p.column)
                problems.append(Problem(path=f"{root}.{p.path}" if p.path else root, vi=p.vi, en=p.en, file=name,
                                        line=line, column=column, value=p.value, code=p.code))
    return problems


def _unknown(data: dict, positions: dict[str, Position], name: str | None) -> list[Problem]:
    allowed = allowed_fields()
    problems = []
    for key in data:
        if key in allowed:
            continue
        line, column = positions.get(key, (None, None))
        if key in PER_DOCUMENT or key == FORM_KEY:
            vi = f"Trường '{key}' thuộc từng văn bản, không ghi trong hồ sơ cơ quan"
            en = f"'{key}' belongs to each document, not to the agency profile"
            code = "profile-per-document"
        else:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint_vi, hint_en = (f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ("", "")
            vi = f"Hồ sơ cơ quan không có trường '{key}'{hint_vi}"
            en = f"unknown field '{key}' in the agency profile{hint_en}"
            code = "profile-unknown-field"
        problems.append(Problem(path=key, vi=vi, en=en, file=name, line=line, column=column, code=code))
    return problems


# --- merging ---------------------------------------------------------------------------


def _recipient(item: Any) -> str:
    return str(item.get("ten", "") if isinstance(item, dict) else item).casefold().strip()


def merge(profile: dict, form: dict, path: tuple = ()) -> dict:
    """The form over the profile (see the module's docstring); neither is changed."""
    out = copy.deepcopy({k: v for k, v in profile.items() if k not in (DEFAULT_SIGNER, "$schema")} if not path
                        else profile)
    for key, value in form.items():
        here = (*path, key)
        theirs = out.get(key)
        if isinstance(theirs, dict) and isinstance(value, dict):
            out[key] = merge(theirs, value, here)
        elif here in APPENDED and isinstance(theirs, list) and isinstance(value, list):
            listed = {_recipient(v) for v in value}
            out[key] = [*value, *(v for v in theirs if _recipient(v) not in listed)]
        else:
            out[key] = copy.deepcopy(value)
    return out


def _signer(profile: dict, form: dict, positions: dict[str, Position], name: str | None) -> Any:
    """The form's ``nguoi_ky`` once the profile's signers are looked up."""
    signers = profile.get(SIGNERS) or {}
    chosen = form.get(SIGNERS)
    if isinstance(chosen, dict):
        return chosen
    if chosen is None:
        key = profile.get(DEFAULT_SIGNER) or (next(iter(signers)) if len(signers) == 1 else None)
        return copy.deepcopy(signers[key]) if key else None
    if isinstance(chosen, str) and chosen in signers:
        return copy.deepcopy(signers[chosen])
    keys = ", ".join(signers) or "—"
    raise _problem(f"Hồ sơ cơ quan không có người ký '{chosen}'; các khóa có: {keys}",
                   f"the agency profile has no signer '{chosen}'; its keys: {keys}", "profile-unknown-signer",
                   name, positions.get(SIGNERS), SIGNERS, chosen)


def apply(form: dict, profile: dict, positions: dict[str, Position] | None = None, name: str | None = None) -> dict:
    """The form's data with a checked profile merged in."""
    form = {k: v for k, v in form.items() if k != FORM_KEY}
    signer = _signer(profile, form, positions or {}, name)
    merged = merge({k: v for k, v in profile.items() if k != SIGNERS}, form)
    if signer is not None:
        merged[SIGNERS] = signer
    return merged


# --- where a form finds its profile ---------------------------------------------------------


def attach(data: Any, positions: dict[str, Position] | None = None, name: str | None = None, *,
           folder: Path | None = None, co_quan: "str | Path | dict | None" = None) -> Any:
    """A form file's data with its profile merged in (``--co-quan``, ``ho_so:``, or
    ``co_quan.yaml`` beside the form), or the data as it was when it has none."""
    if not isinstance(data, dict):
        return data
    positions = positions or {}
    ref = data.get(FORM_KEY)
    if co_quan is not None:
        profile = checked(co_quan, name="co_quan") if isinstance(co_quan, dict) else read(co_quan)
    elif isinstance(ref, dict):
        profile = checked(ref, _under(positions, FORM_KEY), name, folder)
    elif isinstance(ref, str) and ref:
        path = Path(ref) if Path(ref).is_absolute() or folder is None else folder / ref
        profile = read(path)
    elif ref is False:
        return {k: v for k, v in data.items() if k != FORM_KEY}
    elif ref is None and FORM_KEY not in data and folder is not None and (folder / FILE_NAME).is_file():
        profile = read(folder / FILE_NAME)
    elif FORM_KEY in data and ref is not None:
        raise _problem("ho_so phải là tên tệp hồ sơ cơ quan, một nhóm trường, hoặc false",
                       "ho_so must be the name of an agency profile file, a mapping, or false", "wrong-type", name,
                       positions.get(FORM_KEY), FORM_KEY, ref)
    else:
        return {k: v for k, v in data.items() if k != FORM_KEY}
    return apply(data, profile, positions, name)


def attach_named(data: Any, folder: Path | None) -> Any:
    """The service's way: ``ho_so`` is the name of a profile in the operator's
    ``folder`` (never a path from the request) or the profile itself; nothing is
    looked for beside a request."""
    if isinstance(data, dict) and isinstance(data.get(FORM_KEY), str):
        return apply(data, named(data[FORM_KEY], folder))
    return attach(data)


def named(ref: str, folder: Path | None) -> dict:
    """The operator's profile called ``ref``: a bare name, inside ``folder``."""
    if folder is None:
        raise _problem("Dịch vụ chưa có thư mục hồ sơ cơ quan (congvan serve --profile-dir): gửi hồ sơ trong ho_so",
                       "the service has no folder of agency profiles (congvan serve --profile-dir): send the profile"
                       " itself in ho_so", "profile-not-configured", None, path=FORM_KEY, value=ref)
    folder = Path(folder).resolve()
    path = (folder / (ref if ref.endswith((".yaml", ".yml")) else f"{ref}.yaml")).resolve()
    if not NAME.match(ref) or path.parent != folder:
        raise _problem(f"Hồ sơ cơ quan '{ref}' phải là tên một hồ sơ trong thư mục của dịch vụ (không có '/', '..')",
                       f"agency profile '{ref}' must be the name of a profile in the service's folder"
                       " (no '/', no '..')", "profile-path-not-allowed", None, path=FORM_KEY, value=ref)
    if not path.is_file():
        raise _problem(f"Dịch vụ không có hồ sơ cơ quan '{ref}'", f"the service has no agency profile '{ref}'",
                       "not-found", None, path=FORM_KEY, value=ref)
    return read(path)


def _under(positions: dict[str, Position], key: str) -> dict[str, Position]:
    """Positions of the fields under ``key``, as if ``key`` were the root."""
    prefix = f"{key}."
    return {p[len(prefix):]: at for p, at in positions.items() if p.startswith(prefix)}


def form_fields_given_by(profile: dict) -> set[str]:
    """Top-level form fields a profile fills (``congvan new --co-quan`` leaves them out)."""
    given = {k for k in profile if k not in ("$schema", DEFAULT_SIGNER)}
    return given - {field for (field,) in APPENDED}


SCHEMA_ID = "https://congvan.invalid/schema/co-quan.json"


def schema() -> dict:
    """The JSON Schema of ``co_quan.yaml`` (``congvan schema --co-quan``; docs/co_quan.schema.json)."""
    from .schema import finish

    return finish(profile_model().model_json_schema(by_alias=True), SCHEMA_ID)


def relax(form_schema: dict) -> dict:
    """The form's schema with ``ho_so``: a form that names its profile need not
    carry the fields a profile may give (editors check the rest)."""
    form_schema["properties"][FORM_KEY] = {
        "title": "Hồ sơ cơ quan",
        "description": "Hồ sơ cơ quan: tệp co_quan.yaml (đường dẫn từ thư mục biểu mẫu; trong dịch vụ: tên hồ sơ),"
                       " hoặc chính hồ sơ, hoặc false để không dùng / the agency profile: a file (relative to the"
                       " form; in the service: a profile's name), the profile itself, or false for none",
        "anyOf": [{"type": "string"}, {"type": "object"}, {"const": False}], "x-ho-so": True,
    }
    signer = form_schema["properties"][SIGNERS]
    form_schema["properties"][SIGNERS] = {
        "title": signer.get("title"), "description": "Người ký, hoặc khóa một người ký của hồ sơ cơ quan (ví dụ"
        " giam-doc) / the signature block, or the key of a signer of the agency profile",
        "anyOf": [{k: v for k, v in signer.items() if k not in ("title", "description")},
                  {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "x-ho-so": True}]}
    required = form_schema.get("required", [])
    form_schema["required"] = [f for f in required if f in PER_DOCUMENT]  # the rest only without ho_so:
    form_schema["if"] = {"not": {"required": [FORM_KEY]}}
    form_schema["then"] = {"required": required}
    return form_schema
