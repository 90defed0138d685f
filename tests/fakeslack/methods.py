"""The fake workspace and the Web API methods a study bot calls, answered like Slack does.

Each method takes the workspace and the parsed arguments and returns the response body;
a refusal is raised as ``SlackMethodError`` and becomes ``{"ok": false, "error": …}``.
"""

from __future__ import annotations

import itertools
import mimetypes
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.fakeslack.limits import (
    MESSAGE_BLOCKS_MAX,
    MESSAGE_TEXT_MAX,
    VIEW_BLOCKS_MAX,
    block_errors,
)

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
APP_ID = "A1"
FIRST_TS_MICROS = 1_700_000_000_000_100
TS_STEP_MICROS = 100
CHANNEL_PREFIXES = ("C", "G", "D")


class SlackMethodError(Exception):
    """A refusal Slack answers with HTTP 200 and ``ok: false``."""

    def __init__(self, error: str, *messages: str) -> None:
        super().__init__(error)
        self.error = error
        self.messages = list(messages)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error": self.error}
        if self.messages:
            body["response_metadata"] = {"messages": self.messages}
        return body


@dataclass(frozen=True)
class FakeUser:
    """A workspace member as users.info describes them; tz_offset defaults to the zone's now."""

    id: str
    real_name: str = "Test User"
    tz: str = "America/Los_Angeles"
    tz_offset: int | None = None
    is_admin: bool = False
    is_owner: bool = False
    is_bot: bool = False
    deleted: bool = False

    def to_slack(self, team_id: str) -> dict[str, Any]:
        zone = datetime.now(ZoneInfo(self.tz))
        offset = self.tz_offset
        if offset is None:
            utcoffset = zone.utcoffset()
            offset = int(utcoffset.total_seconds()) if utcoffset is not None else 0
        name = self.real_name.lower().replace(" ", ".")
        return {
            "id": self.id,
            "team_id": team_id,
            "name": name,
            "deleted": self.deleted,
            "real_name": self.real_name,
            "tz": self.tz,
            "tz_label": zone.tzname() or self.tz,
            "tz_offset": offset,
            "is_admin": self.is_admin,
            "is_owner": self.is_owner,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "profile": {"real_name": self.real_name, "display_name": name, "team": team_id},
        }


@dataclass
class UploadedFile:
    id: str
    filename: str
    length: int
    alt_txt: str | None = None
    data: bytes | None = None


@dataclass
class Workspace:
    """Everything the fake remembers between calls: people, messages, views, files."""

    team_id: str = "T1"
    domain: str = "studybot-test"
    users: dict[str, FakeUser] = field(default_factory=dict)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    dm_channels: dict[str, str] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)
    # Channels the bot was never invited to: posting or reading there is `not_in_channel`.
    outside: set[str] = field(default_factory=set)
    # Archived channels: history reads on, posting there is `is_archived`.
    archived: set[str] = field(default_factory=set)
    upload_url_for: Callable[[str], str] = field(default=lambda file_id: f"/upload/{file_id}")
    # Seconds since the epoch that message ts follow, as at Slack (the wall clock unless a
    # test's clock is given); each ts is still strictly after the one before.
    ts_clock: Callable[[], float] = field(default=time.time)
    _last_ts_micros: int = FIRST_TS_MICROS - TS_STEP_MICROS
    _id_counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.users.setdefault(BOT_USER_ID, FakeUser(BOT_USER_ID, real_name="studybot", is_bot=True))

    def clear(self) -> None:
        """Forget messages, views, DMs and files; keep the configured users."""
        self.messages.clear()
        self.views.clear()
        self.dm_channels.clear()
        self.files.clear()

    def next_ts(self) -> str:
        micros = max(int(self.ts_clock() * 1_000_000), self._last_ts_micros + TS_STEP_MICROS)
        self._last_ts_micros = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._id_counter):08X}"

    def dm_with(self, user_id: str) -> tuple[str, bool]:
        """The DM channel id for ``user_id`` and whether it was already open."""
        existing = self.dm_channels.get(user_id)
        if existing is not None:
            return existing, True
        channel = self.next_id("D")
        self.dm_channels[user_id] = channel
        return channel, False

    def add_message(self, channel: str, message: dict[str, Any]) -> dict[str, Any]:
        """Store ``message`` (which has its ``ts``) and keep its thread parent's reply count."""
        stored = self.messages.setdefault(channel, [])
        thread_ts = message.get("thread_ts")
        if thread_ts and thread_ts != message["ts"]:
            self._count_reply(channel, thread_ts, message)
        stored.append(message)
        return message

    def _count_reply(self, channel: str, thread_ts: str, message: dict[str, Any]) -> None:
        # A parent the fake never saw (posted before a reset, say) is left alone.
        parent = self.find_message(channel, thread_ts)
        if parent is None:
            return
        parent["thread_ts"] = thread_ts
        parent["reply_count"] = parent.get("reply_count", 0) + 1
        parent["latest_reply"] = message["ts"]
        users = parent.setdefault("reply_users", [])
        if message.get("user") not in users:
            users.append(message.get("user"))

    def find_message(self, channel: str, ts: str) -> dict[str, Any] | None:
        for message in self.messages.get(channel, []):
            if message["ts"] == ts:
                return message
        return None


Method = Callable[[Workspace, dict[str, Any]], dict[str, Any]]


def _require(args: dict[str, Any], *names: str) -> None:
    missing = [name for name in names if args.get(name) in (None, "")]
    if missing:
        raise SlackMethodError(
            "invalid_arguments", *(f"[ERROR] missing required field: {name}" for name in missing)
        )


def _channel(ws: Workspace, args: dict[str, Any], key: str = "channel") -> str:
    """The channel to act in; a user id means the DM with that user, as at Slack."""
    channel = args.get(key)
    if not isinstance(channel, str) or not channel:
        raise SlackMethodError("channel_not_found")
    if channel.startswith(("U", "W")):
        return ws.dm_with(channel)[0]
    if not channel.startswith(CHANNEL_PREFIXES):
        raise SlackMethodError("channel_not_found")
    return channel


def _member_channel(ws: Workspace, args: dict[str, Any]) -> str:
    """A channel the bot must be a member of to post or read in, as at Slack without the
    `chat:write.public` scope."""
    channel = _channel(ws, args)
    if channel in ws.outside:
        raise SlackMethodError("not_in_channel")
    return channel


def _message(ws: Workspace, channel: str, ts: Any) -> dict[str, Any]:
    message = ws.find_message(channel, ts) if isinstance(ts, str) else None
    if message is None:
        raise SlackMethodError("message_not_found")
    return message


def _check_message_content(args: dict[str, Any]) -> None:
    """Text and blocks as chat.postMessage, chat.postEphemeral and chat.update check them."""
    blocks = args.get("blocks")
    text = args.get("text")
    if blocks is not None and not isinstance(blocks, list):
        raise SlackMethodError("invalid_blocks_format")
    if not text and not blocks and not args.get("attachments"):
        raise SlackMethodError("no_text")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        raise SlackMethodError("msg_too_long")
    errors = block_errors(blocks or [], pointer="/blocks", max_blocks=MESSAGE_BLOCKS_MAX)
    if errors:
        raise SlackMethodError("invalid_blocks", *errors)


def _bot_message(ws: Workspace, args: dict[str, Any], ts: str) -> dict[str, Any]:
    message: dict[str, Any] = {
        "type": "message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "team": ws.team_id,
        "text": args.get("text") or "",
        "ts": ts,
    }
    for key in ("blocks", "attachments", "metadata", "thread_ts"):
        if args.get(key) is not None:
            message[key] = args[key]
    return message


def api_test(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    if args.get("error"):
        return {"ok": False, "error": args["error"], "args": args}
    return {"ok": True, "args": args}


def apps_connections_open(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    """A Socket Mode URL nobody listens on: the client then keeps trying to connect."""
    return {"ok": True, "url": "ws://127.0.0.1:9/link"}


def auth_test(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    return {
        "ok": True,
        "url": f"https://{ws.domain}.slack.com/",
        "team": "Studybot Test",
        "user": "studybot",
        "team_id": ws.team_id,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


def chat_post_message(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _member_channel(ws, args)
    if channel in ws.archived:
        raise SlackMethodError("is_archived")
    _check_message_content(args)
    message = ws.add_message(channel, _bot_message(ws, args, ws.next_ts()))
    return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}


def chat_post_ephemeral(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    _channel(ws, args)  # channel_not_found comes first, as at Slack
    _require(args, "user")
    _check_message_content(args)
    return {"ok": True, "message_ts": ws.next_ts()}


def chat_update(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(ws, args)
    message = _message(ws, channel, args.get("ts"))
    if message.get("user") != BOT_USER_ID:
        raise SlackMethodError("cant_update_message")
    _check_message_content(args)
    message["text"] = args.get("text") or ""
    for key in ("blocks", "attachments", "metadata"):
        if key in args:
            message[key] = args[key]
    message["edited"] = {"user": BOT_USER_ID, "ts": ws.next_ts()}
    return {
        "ok": True,
        "channel": channel,
        "ts": message["ts"],
        "text": message["text"],
        "message": message,
    }


def chat_delete(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(ws, args)
    message = _message(ws, channel, args.get("ts"))
    if message.get("user") != BOT_USER_ID:
        raise SlackMethodError("cant_delete_message")
    ws.messages[channel].remove(message)
    return {"ok": True, "channel": channel, "ts": message["ts"]}


def chat_get_permalink(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(ws, args)
    message = _message(ws, channel, args.get("message_ts"))
    permalink = (
        f"https://{ws.domain}.slack.com/archives/{channel}/p{message['ts'].replace('.', '')}"
    )
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != message["ts"]:
        permalink += f"?thread_ts={thread_ts}&cid={channel}"
    return {"ok": True, "channel": channel, "permalink": permalink}


def conversations_info(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(ws, args)
    is_im = channel.startswith("D")
    info: dict[str, Any] = {
        "id": channel,
        "created": 1_690_000_000,
        "is_channel": channel.startswith("C"),
        "is_group": channel.startswith("G"),
        "is_im": is_im,
        "is_private": not channel.startswith("C"),
        "is_archived": False,
        "is_member": True,
        "context_team_id": ws.team_id,
    }
    if is_im:
        info["user"] = next((u for u, d in ws.dm_channels.items() if d == channel), None)
    else:
        info["name"] = f"channel-{channel.lower()}"
    return {"ok": True, "channel": info}


def conversations_open(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    users = args.get("users")
    if isinstance(users, list):
        users = ",".join(users)
    if not isinstance(users, str) or not users:
        if args.get("channel"):
            return {"ok": True, "channel": {"id": _channel(ws, args)}}
        raise SlackMethodError("users_list_not_supplied")
    unknown = [u for u in users.split(",") if u not in ws.users and not u.startswith(("U", "W"))]
    if unknown:
        raise SlackMethodError("user_not_found")
    channel, already_open = ws.dm_with(users)
    body: dict[str, Any] = {"ok": True, "channel": {"id": channel}}
    if already_open:
        body.update(no_op=True, already_open=True)
    return body


def _window(messages: list[dict[str, Any]], args: dict[str, Any]) -> list[dict[str, Any]]:
    oldest = float(args.get("oldest") or 0)
    latest = float(args["latest"]) if args.get("latest") else float("inf")
    inclusive = str(args.get("inclusive", "")).lower() in ("1", "true")
    if inclusive:
        return [m for m in messages if oldest <= float(m["ts"]) <= latest]
    return [m for m in messages if oldest < float(m["ts"]) < latest]


def _limit(args: dict[str, Any], default: int) -> int:
    return int(args.get("limit") or default)


def _page(
    messages: list[dict[str, Any]], args: dict[str, Any], default: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One page of `messages` at the request's cursor (an offset, as Slack's is opaque), and
    the fields that say whether there is more."""
    cursor = str(args.get("cursor") or "")
    start = int(cursor.removeprefix("off:")) if cursor.startswith("off:") else 0
    limit = _limit(args, default)
    shown = messages[start : start + limit]
    more = start + limit < len(messages)
    meta = {
        "has_more": more,
        "response_metadata": {"next_cursor": f"off:{start + limit}" if more else ""},
    }
    return shown, meta


def _shown(messages: list[dict[str, Any]], args: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages as history and replies return them: metadata only with include_all_metadata."""
    if str(args.get("include_all_metadata", "")).lower() in ("1", "true"):
        return [dict(m) for m in messages]
    return [{k: v for k, v in m.items() if k != "metadata"} for m in messages]


def conversations_history(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _member_channel(ws, args)
    top_level = [m for m in ws.messages.get(channel, []) if m.get("thread_ts") in (None, m["ts"])]
    newest_first = sorted(_window(top_level, args), key=lambda m: float(m["ts"]), reverse=True)
    shown, meta = _page(newest_first, args, 100)
    return {"ok": True, "messages": _shown(shown, args), "pin_count": 0, **meta}


def conversations_replies(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _member_channel(ws, args)
    _require(args, "ts")
    parent = ws.find_message(channel, args["ts"])
    if parent is None:
        raise SlackMethodError("thread_not_found")
    thread = [
        m
        for m in ws.messages.get(channel, [])
        if m["ts"] == parent["ts"] or m.get("thread_ts") == parent["ts"]
    ]
    # The parent always comes first, as in Slack, whatever the window.
    rest = _window([m for m in thread if m["ts"] != parent["ts"]], args)
    oldest_first = [parent, *sorted(rest, key=lambda m: float(m["ts"]))]
    shown, meta = _page(oldest_first, args, 1000)
    return {"ok": True, "messages": _shown(shown, args), **meta}


def users_info(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    user = ws.users.get(str(args.get("user") or ""))
    if user is None:
        raise SlackMethodError("user_not_found")
    return {"ok": True, "user": user.to_slack(ws.team_id)}


def _check_view(view: Any, *, allowed_types: tuple[str, ...]) -> dict[str, Any]:
    if view is None:
        raise SlackMethodError("invalid_arguments", "[ERROR] missing required field: view")
    if not isinstance(view, dict):
        raise SlackMethodError("invalid_arguments", "[ERROR] failed to match all allowed schemas")
    if view.get("type") not in allowed_types:
        raise SlackMethodError(
            "invalid_arguments", "[ERROR] must be a valid enum value [json-pointer:/view/type]"
        )
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        raise SlackMethodError(
            "invalid_arguments", "[ERROR] missing required field: blocks [json-pointer:/view]"
        )
    if view["type"] == "modal" and not _has_text(view.get("title")):
        raise SlackMethodError(
            "invalid_arguments", "[ERROR] missing required field: title [json-pointer:/view]"
        )
    errors = block_errors(blocks, pointer="/view/blocks", max_blocks=VIEW_BLOCKS_MAX)
    if errors:
        raise SlackMethodError("invalid_arguments", *errors)
    return view


def _has_text(obj: Any) -> bool:
    return isinstance(obj, dict) and bool(obj.get("text"))


def _store_view(ws: Workspace, view: dict[str, Any], view_id: str | None) -> dict[str, Any]:
    stored = {
        "id": view_id or ws.next_id("V"),
        "team_id": ws.team_id,
        "app_id": APP_ID,
        "bot_id": BOT_ID,
        "type": view["type"],
        "blocks": view["blocks"],
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "external_id": view.get("external_id", ""),
        "state": {"values": {}},
        "hash": ws.next_id("H"),
        "title": view.get("title"),
        "submit": view.get("submit"),
        "close": view.get("close"),
    }
    ws.views[stored["id"]] = stored
    return stored


def views_publish(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    _require(args, "user_id")
    view = _check_view(args.get("view"), allowed_types=("home",))
    existing = next(
        (v for v in ws.views.values() if v["type"] == "home" and v.get("user") == args["user_id"]),
        None,
    )
    if existing is not None and args.get("hash") and args["hash"] != existing["hash"]:
        raise SlackMethodError("hash_conflict")
    stored = _store_view(ws, view, existing["id"] if existing else None)
    stored["user"] = args["user_id"]
    return {"ok": True, "view": stored}


def views_open(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    _require(args, "trigger_id")
    view = _check_view(args.get("view"), allowed_types=("modal",))
    return {"ok": True, "view": _store_view(ws, view, None)}


def views_update(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    if not args.get("view_id") and not args.get("external_id"):
        raise SlackMethodError("invalid_arguments", "[ERROR] missing required field: view_id")
    existing = next(
        (
            v
            for v in ws.views.values()
            if v["id"] == args.get("view_id")
            or (args.get("external_id") and v["external_id"] == args.get("external_id"))
        ),
        None,
    )
    if existing is None:
        raise SlackMethodError("not_found")
    if args.get("hash") and args["hash"] != existing["hash"]:
        raise SlackMethodError("hash_conflict")
    view = _check_view(args.get("view"), allowed_types=("home", "modal"))
    return {"ok": True, "view": _store_view(ws, view, existing["id"])}


def reactions_add(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(ws, args)
    _require(args, "timestamp")
    name = args.get("name")
    if not name:
        raise SlackMethodError("invalid_name")
    message = _message(ws, channel, args["timestamp"])
    reactions: list[dict[str, Any]] = message.setdefault("reactions", [])
    reaction = next((r for r in reactions if r["name"] == name), None)
    if reaction is None:
        reaction = {"name": name, "users": [], "count": 0}
        reactions.append(reaction)
    if BOT_USER_ID in reaction["users"]:
        raise SlackMethodError("already_reacted")
    reaction["users"].append(BOT_USER_ID)
    reaction["count"] += 1
    return {"ok": True}


def files_get_upload_url_external(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    _require(args, "filename", "length")
    try:
        length = int(args["length"])
    except (TypeError, ValueError):
        raise SlackMethodError("invalid_arguments", "[ERROR] length must be an integer") from None
    file_id = ws.next_id("F")
    ws.files[file_id] = UploadedFile(file_id, args["filename"], length, args.get("alt_txt"))
    return {"ok": True, "upload_url": ws.upload_url_for(file_id), "file_id": file_id}


def _completed_file(ws: Workspace, entry: Any) -> dict[str, Any]:
    upload = ws.files.get(entry.get("id", "")) if isinstance(entry, dict) else None
    if upload is None or upload.data is None:
        raise SlackMethodError("file_not_found")
    completed = {
        "id": upload.id,
        "created": 1_700_000_000,
        "name": upload.filename,
        "title": entry.get("title") or upload.filename,
        "mimetype": mimetypes.guess_type(upload.filename)[0] or "application/octet-stream",
        "size": len(upload.data),
        "user": BOT_USER_ID,
        "alt_txt": upload.alt_txt,
        "url_private": f"https://files.slack.com/files-pri/{ws.team_id}-{upload.id}/{upload.filename}",
        "permalink": f"https://{ws.domain}.slack.com/files/{BOT_USER_ID}/{upload.id}/{upload.filename}",
    }
    return {key: value for key, value in completed.items() if value is not None}


def files_complete_upload_external(ws: Workspace, args: dict[str, Any]) -> dict[str, Any]:
    entries = args.get("files")
    if not isinstance(entries, list) or not entries:
        raise SlackMethodError("invalid_arguments", "[ERROR] missing required field: files")
    files = [_completed_file(ws, entry) for entry in entries]
    channels = [c for c in str(args.get("channels") or "").split(",") if c]
    if args.get("channel_id"):
        channels.append(args["channel_id"])
    for channel_arg in channels:
        channel = _channel(ws, {"channel": channel_arg})
        message = _bot_message(
            ws,
            {"text": args.get("initial_comment"), "thread_ts": args.get("thread_ts")},
            ws.next_ts(),
        )
        message["files"] = files
        ws.add_message(channel, message)
    return {"ok": True, "files": files}


METHODS: dict[str, Method] = {
    "api.test": api_test,
    "apps.connections.open": apps_connections_open,
    "auth.test": auth_test,
    "chat.postMessage": chat_post_message,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.update": chat_update,
    "chat.delete": chat_delete,
    "chat.getPermalink": chat_get_permalink,
    "conversations.info": conversations_info,
    "conversations.open": conversations_open,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "users.info": users_info,
    "views.publish": views_publish,
    "views.open": views_open,
    "views.update": views_update,
    "reactions.add": reactions_add,
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
}

# Methods Slack answers without a token.
NO_AUTH_METHODS = frozenset({"api.test"})
# Methods called with the app-level token (xapp-…) rather than a bot or user token.
APP_LEVEL_METHODS = frozenset({"apps.connections.open"})
