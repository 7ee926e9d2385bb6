"""A coordinator runs, reviews, adjusts and accepts matches; both partners then see why."""

from playwright.sync_api import expect

from companion.demo import demo_people

EMAILS = {p["name"]: p["email"] for p in demo_people()}


def _sign_out(page):
    page.click("text=Sign out")


def test_coordinator_reviews_and_partners_see_match(page, sign_in):
    sign_in(page, "coordinator@example.com")
    page.click("nav >> text=Matching")
    page.click("text=Peer Learning Circle 2026")
    page.click("text=Run matching")
    expect(page.locator(".flash-success", has_text="suggestions made")).to_be_visible()
    suggested = page.locator(".match.status-suggested")
    expect(suggested.first).to_be_visible()
    assert suggested.count() >= 3
    expect(suggested.first.locator(".reasons li").first).not_to_be_empty()

    # Swap partners between the first two suggestions (both become locked).
    first_id = suggested.nth(0).get_attribute("id").split("-")[1]
    page.locator(f"#match-{first_id} button:has-text('Swap')").click()
    expect(page.locator(".flash-success", has_text="Partners swapped")).to_be_visible()
    expect(page.locator(f"#match-{first_id} .badge", has_text="locked")).to_be_visible()

    # Reject one suggestion; re-running keeps the locked ones and pairs the rest anew.
    # (one that is not locked: the swapped pair must survive the re-run)
    unlocked = page.locator(".match.status-suggested").filter(
        has_not=page.locator(".badge", has_text="locked")
    )
    third = unlocked.first
    with page.expect_response("**/reject"):
        third.locator("button:has-text('Reject')").click()
    expect(page.locator(".match.status-rejected")).to_have_count(1)
    with page.expect_response("**/run"):
        page.click("text=Run matching")
    expect(page.locator(f"#match-{first_id}")).to_be_visible()

    # Pair by hand: the score appears live when two people are chosen.
    names = sorted(EMAILS)
    page.wait_for_load_state("networkidle")  # the re-run's board swap is done
    page.select_option("#pair-a", label=names[0])

    def both_chosen(resp):
        return "/preview" in resp.url and "a=&" not in resp.url and not resp.url.endswith("b=")

    with page.expect_response(both_chosen):
        page.select_option("#pair-b", label=names[1])
    expect(page.locator("#match-preview")).to_contain_text("Score")

    members = page.locator(f"#match-{first_id}").get_attribute("data-members").split(" + ")
    page.click("text=Accept all")
    expect(page.locator(".flash-success", has_text="matches accepted")).to_be_visible()
    expect(page.locator(f"#match-{first_id}.status-accepted")).to_be_visible()
    _sign_out(page)

    for me, partner in (members, members[::-1]):
        sign_in(page, EMAILS[me])
        panel = page.locator("#home-matching")
        expect(panel).to_contain_text(partner)
        expect(panel).to_contain_text("Why you were matched")
        expect(panel.locator(".reasons li").first).not_to_be_empty()
        _sign_out(page)
