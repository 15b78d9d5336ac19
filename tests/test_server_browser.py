"""The clerk's web page in headless Chromium, against the running service:
fill a công văn field by field, see a problem next to the field it belongs
to, preview page 1, download the DOCX — and the DOCX passes the checker."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import docx
import pytest

from test_server import Service, docx_text  # the same real uvicorn service

from congvan.server import Settings, create_app


def _required(message: str):
    if os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium from Debian (scripts/install-browser), driven by selenium."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        _required("Chromium or chromedriver is missing: run ./scripts/install-browser")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service as DriverService
    except ImportError:
        _required("selenium is missing: pip install '.[test]'")
    downloads = tmp_path_factory.mktemp("tai-ve")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", "--lang=vi"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=DriverService(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser):
    with Service(create_app(Settings())) as service:
        browser.get(service.url + "/")
        wait_for(browser, lambda: browser.execute_script("return document.body.dataset.ready") == "1")
        yield browser


def wait_for(driver, condition, timeout: float = 30, what: str = "the page"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # the element is being rebuilt
            pass
        time.sleep(0.1)
    logs = driver.get_log("browser") if hasattr(driver, "get_log") else []
    raise AssertionError(f"timed out waiting for {what}; browser log: {logs}")


def field(driver, name: str):
    return driver.find_element("css selector", f'[name="{name}"]')


def type_into(driver, name: str, text: str) -> None:
    element = field(driver, name)
    element.clear()
    element.send_keys(text)


def status(driver) -> str:
    return driver.find_element("id", "tinh-trang").text


def downloaded(driver, suffix: str, before: set[Path]) -> Path:
    found: list[Path] = []

    def done():
        found[:] = [p for p in driver.downloads.glob(f"*{suffix}") if p not in before]
        return found and not list(driver.downloads.glob("*.crdownload"))

    wait_for(driver, done, what=f"the {suffix} download")
    return found[0]


def choose(driver, loai: str) -> None:
    """Pick a document type in the page's list and wait for its form."""
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", "loai")).select_by_value(loai)
    wait_for(driver, lambda: driver.execute_script("return document.body.dataset.loai") == loai,
             what=f"the {loai} form")


def test_a_clerk_fills_a_cong_van_and_downloads_a_docx_that_passes_the_checker(page):
    from congvan import check

    driver = page
    trich_yeu = "tăng cường phòng, chống mua bán người {{ 7*7 }}"
    values = {
        "co_quan_chu_quan.ten": "UBND tỉnh Đắk Lắk",
        "co_quan_ban_hanh.ten": "Sở Tư pháp",
        "co_quan_ban_hanh.viet_tat": "STP",
        "so": "125",
        "don_vi_soan_thao": "VP",
        "dia_danh": "Đắk Lắk",
        "trich_yeu": trich_yeu,
        "kinh_gui[0]": "Ủy ban nhân dân các huyện, thị xã, thành phố",
        "noi_dung[0]": "Thực hiện Kế hoạch số 09/KH-BCĐ, Sở Tư pháp đề nghị các đơn vị báo cáo **trước ngày 03/8/2022**.",
        "nguoi_ky.chuc_vu": "Giám đốc",
        "nguoi_ky.ho_ten": "Nguyễn Văn An",
    }
    for name, text in values.items():
        type_into(driver, name, text)
    # A date that does not exist: the service's message appears beside the date field.
    type_into(driver, "ngay", "31/02/2022")
    wait_for(driver, lambda: "không có trong lịch" in driver.find_element(
        "css selector", '[data-path="ngay"] .problems').text, what="the date problem")
    assert "calendar" in driver.find_element("css selector", '[data-path="ngay"] .problems').text
    assert field(driver, "ngay").get_attribute("aria-invalid") == "true"
    type_into(driver, "ngay", "15/7/2022")
    driver.find_element("css selector", '[data-add="noi_nhan"]').click()
    type_into(driver, "noi_nhan[0]", "Như trên")
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="a valid form")
    assert not driver.find_elements("css selector", "#bieu-mau .problem")

    driver.find_element("id", "xem-truoc").click()
    wait_for(driver, lambda: driver.execute_script(
        "const f = document.querySelector('#xem-truoc-khung');"
        "const img = f.querySelector('img'); const frame = f.querySelector('iframe');"
        "return (img && img.complete && img.naturalWidth > 0) || (frame && frame.srcdoc.includes('SỞ TƯ PHÁP'));"),
        timeout=120, what="the page-1 preview")

    before = set(driver.downloads.iterdir())
    driver.find_element("id", "tai-docx").click()
    path = downloaded(driver, ".docx", before)
    data = path.read_bytes()
    report = check(data)
    assert report.ok, report.to_dict()
    text = docx_text(data)
    assert trich_yeu in text.replace("\n", " ") and "NGUYỄN VĂN AN" not in text and "Nguyễn Văn An" in text
    assert "Số: 125/STP-VP" in text and "Kính gửi" in text and "SỞ TƯ PHÁP" in text
    body = docx.Document(io.BytesIO(data))
    bold = [r.text for p in body.paragraphs for r in p.runs if r.bold]
    assert "trước ngày 03/8/2022" in bold  # the **…** the clerk typed became bold


def test_a_clerk_switches_to_ke_hoach_fills_the_sample_and_downloads_it(page):
    from congvan import check

    driver = page
    choose(driver, "ke-hoach")
    driver.find_element("id", "vi-du").click()
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="the sample to validate")
    assert field(driver, "co_quan_ban_hanh.ten").get_attribute("value") == "Ủy ban nhân dân tỉnh Khánh Hòa"
    before = set(driver.downloads.iterdir())
    driver.find_element("id", "tai-docx").click()
    data = downloaded(driver, ".docx", before).read_bytes()
    assert check(data).ok
    assert "KẾ HOẠCH" in docx_text(data)


# --- issue 17.5: every type, a preview that says when it is stale, YAML in and out ---------

def preview_state(driver) -> dict:
    return driver.execute_script(
        "const f = document.querySelector('#xem-truoc-khung');"
        "return {shown: !!f.querySelector('img, iframe'), stale: f.dataset.stale === '1',"
        " note: !document.querySelector('#xem-truoc-cu').hidden};")


def show_preview(driver) -> None:
    driver.find_element("id", "xem-truoc").click()
    wait_for(driver, lambda: preview_state(driver)["shown"] and "Trang 1" in status(driver)
             or "Bản xem trước" in status(driver), timeout=120, what="the page-1 preview")


def test_the_preview_says_when_the_form_has_changed_and_is_cleared_by_another_type(page):
    driver = page
    choose(driver, "cong-van")
    driver.find_element("id", "vi-du").click()
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="the sample to validate")
    show_preview(driver)
    assert preview_state(driver) == {"shown": True, "stale": False, "note": False}
    type_into(driver, "trich_yeu", "một trích yếu khác")
    wait_for(driver, lambda: preview_state(driver)["stale"], what="the stale mark")
    state = preview_state(driver)
    assert state["shown"] and state["note"]
    assert "đã cũ" in driver.find_element("id", "xem-truoc-cu").text
    show_preview(driver)  # refreshed: the mark goes
    wait_for(driver, lambda: not preview_state(driver)["stale"], what="the fresh preview")
    assert not preview_state(driver)["note"]
    choose(driver, "ke-hoach")  # another type: the old page 1 must not stay beside the new form
    assert preview_state(driver) == {"shown": False, "stale": False, "note": False}


def test_every_type_congvan_new_knows_can_be_drafted_from_the_page(page):
    from congvan.doctypes import DOC_TYPES

    driver = page
    offered = driver.execute_script("return [...document.querySelectorAll('#loai option')].map(o => o.value)")
    assert sorted(offered) == sorted(DOC_TYPES)
    for loai in DOC_TYPES:
        choose(driver, loai)
        driver.find_element("id", "vi-du").click()
        wait_for(driver, lambda: "hợp lệ" in status(driver), what=f"the {loai} sample to validate")
        data = driver.execute_script("return root.get()")
        assert data["loai"] == loai
        # Its own part is on the form; the parts of other types are not.
        from congvan.doctypes import OWN_PARTS

        names = set(driver.execute_script(
            "return [...document.querySelectorAll('#bieu-mau [data-path]')].map(e => e.dataset.path)"))
        for part, owners in OWN_PARTS.items():
            assert (part in names) == (loai in owners), (loai, part)


@pytest.mark.parametrize("loai", ["giay-moi", "bien-ban", "quyet-dinh"])
def test_types_with_parts_of_their_own_download_as_docx_that_pass_the_checker(page, loai):
    from congvan import check

    driver = page
    choose(driver, loai)
    driver.find_element("id", "vi-du").click()
    wait_for(driver, lambda: "hợp lệ" in status(driver), what=f"the {loai} sample")
    before = set(driver.downloads.iterdir())
    driver.find_element("id", "tai-docx").click()
    data = downloaded(driver, ".docx", before).read_bytes()
    assert check(data).ok
    title = {"giay-moi": "GIẤY MỜI", "bien-ban": "BIÊN BẢN", "quyet-dinh": "QUYẾT ĐỊNH"}[loai]
    assert title in docx_text(data)


def test_the_form_is_saved_as_yaml_that_congvan_reads_back_the_same(page, tmp_path):
    import congvan
    from congvan.forms import load_form

    driver = page
    choose(driver, "ke-hoach")
    driver.find_element("id", "vi-du").click()
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="the sample")
    before = set(driver.downloads.iterdir())
    driver.find_element("id", "luu-yaml").click()
    saved = downloaded(driver, ".yaml", before)
    assert saved.name.startswith("ke-hoach")
    data, _ = load_form(saved)
    assert data == driver.execute_script("return root.get()")
    assert congvan.load(saved).doc_type.slug == "ke-hoach"  # a form file congvan renders


def test_a_yaml_form_file_opens_in_the_page_through_the_one_reader(page):
    from conftest import EXAMPLES
    from congvan.forms import load_form

    driver = page
    choose(driver, "cong-van")
    form = EXAMPLES / "107-giay-moi-hoi-nghi.yaml"
    driver.find_element("id", "mo-tep").send_keys(str(form))
    wait_for(driver, lambda: "Đã mở" in status(driver), what="the file to open")
    assert driver.execute_script("return document.body.dataset.loai") == "giay-moi"
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="the opened form to validate")
    expected, _ = load_form(form)
    assert driver.execute_script("return root.get()")["giay_moi"] == expected["giay_moi"]


def test_a_broken_yaml_file_is_refused_with_its_line(page, tmp_path):
    driver = page
    bad = tmp_path / "hong.yaml"
    bad.write_text("loai: cong-van\ntrich_yeu: [chưa đóng\n", encoding="utf-8")
    driver.find_element("id", "mo-tep").send_keys(str(bad))
    wait_for(driver, lambda: "Không đọc được" in status(driver), what="the refusal")
    problem = driver.find_element("css selector", "#loi-chung .problem").text
    assert "dòng 3" in problem and "YAML" in problem


def test_the_yaml_emitter_round_trips_every_example(page):
    from conftest import EXAMPLES
    from congvan.forms import load_form, parse

    driver = page
    tricky = {"loai": "cong-van", "trich_yeu": "a: b #c", "so": "08", "kinh_gui": ["- Như trên", "true", "=", ""],
              "noi_dung": ["dòng 1\ndòng 2", {"muc": "[x] {y}", "noi_dung": []}], "co_chu": None}
    forms = [load_form(p)[0] for p in sorted(EXAMPLES.rglob("*.yaml"))] + [tricky]
    for data in forms:
        text = driver.execute_script("return congvanYaml(arguments[0])", data)
        assert parse(text, "page.yaml")[0] == data, text
