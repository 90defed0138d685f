"""Button clicks: answer feedback, more passages, sharing, quiz choices, reports, practice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack import ids
from bot.slack.dispatch import acked, answer_later, outbox_respond
from bot.slack.errors import UserError, reported
from bot.slack.practicing import send_next_card
from bot.slack.render import answers, practice, quiz, shared
from bot.slack.services import Services
from core.usecases import asking, practising, quiz_day

if TYPE_CHECKING:
    from retrieval.answer import Answer

Body = dict[str, Any]


def register(app: App, services: Services) -> None:
    _register_asks(app, services)
    _register_quiz(app, services)
    _register_practice(app, services)


def _register_asks(app: App, services: Services) -> None:
    @acked(app.action(ids.ASK_FEEDBACK))
    def on_feedback(
        body: Body, action: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        respond = outbox_respond(services, body, respond)
        with reported(body, context, services):
            kind = "up" if action["action_id"] == ids.ASK_HELPFUL else "down"
            asking.record_feedback(services, int(action["value"]), body["user"]["id"], kind)
            respond(text=answers.FEEDBACK_THANKS, response_type="ephemeral", replace_original=False)

    @acked(app.action(ids.ASK_MORE))
    def on_more(body: Body, action: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        respond = outbox_respond(services, body, respond)

        answer_later(services, body, context, lambda: _more(services, action, respond))

    @acked(app.action(ids.ASK_SHARE))
    def on_share(
        body: Body, action: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        respond = outbox_respond(services, body, respond)

        answer_later(services, body, context, lambda: _share(services, body, action, respond))


def _more(services: Services, action: dict[str, Any], respond: Respond) -> None:
    answer = _ask_again(services, action)
    respond(
        text=shared.fallback("More passages"),
        blocks=answers.more_blocks(answer),
        response_type="ephemeral",
        replace_original=False,
    )


def _share(services: Services, body: Body, action: dict[str, Any], respond: Respond) -> None:
    """The answer posted in the channel for everyone, and the private copy removed."""
    answer = _ask_again(services, action)
    blocks = answers.shared_answer_blocks(answer, int(action["value"]), body["user"]["id"])
    respond(
        text=answers.answer_text(answer),
        blocks=blocks,
        response_type="in_channel",
        replace_original=False,
    )
    respond(delete_original=True)


def _ask_again(services: Services, action: dict[str, Any]) -> Answer:
    answer = asking.ask_again(services, int(action["value"]))
    if answer is None:
        raise UserError(answers.ASK_GONE)
    return answer


def _register_quiz(app: App, services: Services) -> None:
    @acked(app.action(ids.QUIZ_CHOICE))
    def on_choice(
        body: Body, action: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        respond = outbox_respond(services, body, respond)
        with reported(body, context, services):
            post_id = ids.post_id_of_block(action.get("block_id", ""))
            if post_id is None:
                return
            user = body["user"]
            submitted = quiz_day.submit(
                services,
                post_id,
                user["id"],
                member_name=user.get("name", ""),
                button_value=action["value"],
                channel_id=_channel_of(body),
            )
            reply = quiz.answer_recorded(submitted)
            respond(text=reply, response_type="ephemeral", replace_original=False)

    @acked(app.action(ids.QUIZ_REPORT))
    def on_report(
        body: Body, action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            post_id = int(action["value"])
            stem = quiz_day.question_of(services, post_id).stem
            client.views_open(trigger_id=body["trigger_id"], view=quiz.report_modal(post_id, stem))


def _team(body: Body) -> str | None:
    """The workspace of the click (its token sends the DM)."""
    team = (body.get("team") or {}).get("id")
    return team if isinstance(team, str) and team else None


def _channel_of(body: Body) -> str:
    """The channel the clicked message is in, where the click counts ("" when not given:
    then no post matches and the click is refused)."""
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return str(channel.get("id") or container.get("channel_id") or "")


def _register_practice(app: App, services: Services) -> None:
    @acked(app.action(ids.PRACTICE_START))
    def on_start(body: Body, client: WebClient, context: BoltContext) -> None:
        with reported(body, context, services):
            key = f"practice:{body['trigger_id']}"
            send_next_card(services, body["user"]["id"], key=key, team_id=_team(body))

    @acked(app.action(ids.PRACTICE_SHOW))
    def on_show(
        body: Body, action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            item = practising.card_item(services, int(action["value"]), body["user"]["id"])
            client.chat_update(
                channel=body["channel"]["id"],
                ts=body["message"]["ts"],
                text=practice.practice_text(item),
                blocks=practice.practice_back_blocks(item),
            )

    @acked(app.action(ids.PRACTICE_RATE))
    def on_rate(
        body: Body, action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            rating = ids.PRACTICE_RATE.match(action["action_id"])
            assert rating is not None  # the listener matched this pattern
            user = body["user"]["id"]
            rated = practising.rate(
                services, int(action["value"]), user, rating.group(1), services.now()
            )
            client.chat_update(
                channel=body["channel"]["id"],
                ts=body["message"]["ts"],
                text=shared.fallback(f"Rated {rating.group(1)}"),
                blocks=practice.practice_rated_blocks(rated.item, rating.group(1), rated.due),
            )
            key = f"practice:{body['trigger_id']}"
            send_next_card(services, user, key=key, team_id=_team(body))
