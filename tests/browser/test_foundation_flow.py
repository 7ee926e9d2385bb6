"""Sign-in, profile edit and programme creation in a real browser."""

import re

from playwright.sync_api import expect


def test_participant_signs_in_and_edits_profile(page, sign_in):
    sign_in(page, "ana@example.com")
    expect(page.locator("h1")).to_contain_text("Hello, Ana")
    page.click("text=My profile")
    page.fill("#f-job_title", "Senior Data Engineer")
    skills = page.locator("#f-skills")
    skills.fill(skills.input_value() + "\nmentoring interns")
    # Inline validation: clearing the goals shows a message without losing what was typed.
    page.fill("#f-goals", "")
    page.locator("#f-goals").blur()
    expect(page.locator("#e-goals")).to_contain_text("Add at least one goal")
    expect(page.locator("#f-job_title")).to_have_value("Senior Data Engineer")
    page.fill("#f-goals", "speak at the engineering all-hands")
    page.click("text=Save profile")
    expect(page.locator(".flash-success")).to_contain_text("Your profile is saved")
    expect(page.locator("#f-skills")).to_have_value(re.compile("mentoring interns"))
    expect(page.locator("#f-goals")).to_have_value("speak at the engineering all-hands")


def test_coordinator_creates_programme(page, sign_in):
    sign_in(page, "coordinator@example.com")
    page.click("nav >> text=Programmes")
    page.click("text=New programme")
    page.fill("#f-name", "Autumn Leadership Circle")
    page.fill("#f-purpose", "First-time leads learn from each other.")
    page.select_option("#f-format", "group")
    page.fill("#f-start_date", "2026-09-01")
    page.fill("#f-end_date", "2026-06-01")  # before the start: refused, input kept
    page.fill("#f-guidelines_md", "- **Confidential** by default")
    page.check("text=Ana Petrova")
    page.click("text=Save programme")
    expect(page.locator("#e-end_date")).to_contain_text("after the start date")
    expect(page.locator("#f-name")).to_have_value("Autumn Leadership Circle")
    page.fill("#f-end_date", "2027-02-28")
    page.click("text=Save programme")
    expect(page.locator("h1")).to_have_text("Autumn Leadership Circle")
    expect(page.locator(".prose strong")).to_have_text("Confidential")
    expect(page.locator("main")).to_contain_text("Ana Petrova")


def test_language_switcher(page, sign_in):
    sign_in(page, "ana@example.com")
    page.select_option("#lang-select", "bg")
    expect(page.locator("html")).to_have_attribute("lang", "bg")
