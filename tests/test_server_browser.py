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
    assert trich_yeu in text and "NGUYỄN VĂN AN" not in text and "Nguyễn Văn An" in text
    assert "Số: 125/STP-VP" in text and "Kính gửi" in text and "SỞ TƯ PHÁP" in text
    body = docx.Document(io.BytesIO(data))
    bold = [r.text for p in body.paragraphs for r in p.runs if r.bold]
    assert "trước ngày 03/8/2022" in bold  # the **…** the clerk typed became bold


def test_a_clerk_switches_to_ke_hoach_fills_the_sample_and_downloads_it(page):
    from congvan import check

    driver = page
    driver.find_element("css selector", 'input[name="loai"][value="ke-hoach"]').click()
    wait_for(driver, lambda: driver.find_elements("css selector", '[name="can_cu[0]"], [data-add="can_cu"]'),
             what="the kế hoạch form")
    driver.find_element("id", "vi-du").click()
    wait_for(driver, lambda: "hợp lệ" in status(driver), what="the sample to validate")
    assert field(driver, "co_quan_ban_hanh.ten").get_attribute("value") == "Ủy ban nhân dân tỉnh Khánh Hòa"
    before = set(driver.downloads.iterdir())
    driver.find_element("id", "tai-docx").click()
    data = downloaded(driver, ".docx", before).read_bytes()
    assert check(data).ok
    assert "KẾ HOẠCH" in docx_text(data)


def test_the_form_edits_tables_and_footnotes(page):
    """A body table (header rows, merged cells, columns) and footnotes go into
    the web form's editors and come back out unchanged, and the service takes them."""
    import json

    import yaml

    from conftest import EXAMPLES

    driver = page
    data = yaml.safe_load((EXAMPLES / "010-ke-hoach-stttt-phu-tho.yaml").read_text(encoding="utf-8"))
    data["noi_dung"][0]["noi_dung"][0]["gach"][0] += "[^1]"
    data["chu_thich"] = {"1": "Theo **Chỉ thị** số 15/CT-UBND."}
    driver.find_element("css selector", 'input[name="loai"][value="ke-hoach"]').click()
    wait_for(driver, lambda: driver.find_elements("css selector", '[data-add="can_cu"]'), what="the kế hoạch form")
    back = driver.execute_script("buildForm(JSON.parse(arguments[0])); changed(); return root.get();",
                                 json.dumps(data, ensure_ascii=False))
    at = lambda d: d["noi_dung"][1]["noi_dung"][1]["noi_dung"][2]["noi_dung"][1]  # II.2.c) holds the table
    assert "bang" in at(data) and at(back) == at(data)
    assert back["chu_thich"] == data["chu_thich"]
    wait_for(driver, lambda: "hợp lệ" in status(driver) or driver.find_elements("css selector", ".problem"),
             what="the service's answer")
    problems = [e.text for e in driver.find_elements("css selector", ".problem")]
    assert "hợp lệ" in status(driver) and not problems, (status(driver), problems)
