"""A demo pair writes notes, summarises, sees sources, accepts a task and a goal."""

import re

from playwright.sync_api import expect


def test_pair_summarises_notes_and_accepts_task_and_goal(page, sign_in):
    sign_in(page, "ana@example.com")
    page.click("#home-sessions >> text=Boris Ivanov")
    expect(page.locator("h1")).to_contain_text("Ana Petrova & Boris Ivanov")
    page.locator("#pair table a").first.click()  # the latest session
    editor = page.locator("#f-notes")
    editor.click()
    editor.press("End")
    page.keyboard.press("Control+End")
    editor.press_sequentially("\nAna will send Boris the rehearsal recording by Friday.\n")
    # Autosave: a few seconds after the last key, without pressing Save.
    expect(page.locator("#save-status")).to_contain_text("Saved (version 2)", timeout=10000)

    page.click("[data-testid=summarise]")
    actions = page.locator("[id^=ai-item-action_items-]")
    expect(actions.filter(has_text="rehearsal recording")).to_have_count(1, timeout=20000)
    expect(page.locator("#ai-panel")).not_to_have_attribute("hx-trigger", re.compile("every"))

    item = actions.filter(has_text="rehearsal recording")
    item.locator(".ai-text").click()
    highlighted = page.locator("#note-sentences .sent.hl")
    expect(highlighted).to_have_count(1)
    expect(highlighted).to_contain_text("rehearsal recording")

    item.locator("[data-testid=accept]").click()
    expect(actions.filter(has_text="rehearsal recording")).to_contain_text("accepted")
    # The SMART draft grounded in Boris's profile goal: Ana accepts it, it becomes his goal.
    goal = page.locator("[id^=ai-item-goals-]").filter(has_text="Boris Ivanov").first
    goal_id = goal.get_attribute("id")
    goal.locator("[data-testid=accept]").click()
    expect(page.locator(f"#{goal_id}")).to_contain_text("accepted")

    page.click("nav >> text=Home")
    expect(page.locator("#home-tasks")).to_contain_text("rehearsal recording")
    expect(page.locator("#home-tasks")).to_contain_text("due ")
    expect(page.locator("#home-goals")).to_contain_text("No goals yet")

    page.click("text=Sign out")
    sign_in(page, "boris@example.com")
    expect(page.locator("#home-goals li")).to_have_count(1)
    expect(page.locator("#home-goals")).to_contain_text("Not started")
    page.locator("#home-goals li a").click()
    page.select_option("#f-status", "on_track")
    page.fill("#f-note", "First DAG runs on Mondays")
    page.click("#goal >> text=Update")
    expect(page.locator("[data-testid=goal-status]")).to_have_text("On track")
    expect(page.locator("#goal")).to_contain_text("First DAG runs on Mondays")
