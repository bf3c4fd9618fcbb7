"""Checks recorded requests against the real server's OpenAPI document: the copy kept beside this
file (refresh it by hand when the server's contract changes), so the tests never read outside the repo.

A request conforms when its path template exists under /api/v1 with that method, every query
parameter is declared (and required ones present, values of the declared type), and its body has a
declared content type and validates against the referenced schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jsonschema import Draft202012Validator, FormatChecker

from tests.fake_pyro_api.app import RecordedRequest

SPEC_PATH = Path(__file__).with_name("openapi.json")


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    pattern: re.Pattern[str]
    spec: dict[str, Any]


class OpenApiSpec:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.operations: list[Operation] = []
        for template, item in document["paths"].items():
            regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
            for method, op in item.items():
                self.operations.append(Operation(method.upper(), template, re.compile(f"^{regex}$"), op))

    def has(self, method: str, template: str) -> bool:
        return any(op.method == method and op.template == template for op in self.operations)

    def _validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        # Inline the components so "#/components/schemas/..." refs resolve against this root.
        return Draft202012Validator(
            {**schema, "components": self.document["components"]}, format_checker=FormatChecker()
        )

    def _errors(self, schema: dict[str, Any], value: Any) -> list[str]:
        return [e.message for e in self._validator(schema).iter_errors(value)]

    def check(self, request: RecordedRequest) -> list[str]:
        """Every way the request departs from the document (empty when it conforms)."""
        where = f"{request.method} {request.path}"
        candidates = [(op, op.pattern.match(request.path)) for op in self.operations]
        matching = [(op, m) for op, m in candidates if m is not None]
        if not matching:
            return [f"{where}: no such path in openapi.json"]
        # Prefer literal templates over parameterised ones, as the router does.
        matching.sort(key=lambda pair: pair[0].template.count("{"))
        for op, found in matching:
            if op.method == request.method:
                return [f"{where}: {problem}" for problem in self._check_operation(op, found, request)]
        return [f"{where}: method not declared for {matching[0][0].template}"]

    def _check_operation(self, op: Operation, found: re.Match[str], request: RecordedRequest) -> list[str]:
        problems: list[str] = []
        params = op.spec.get("parameters", [])
        for param in params:
            if param["in"] == "path":
                problems += self._errors(param["schema"], _coerce(found.group(param["name"])))
        declared = {p["name"]: p for p in params if p["in"] == "query"}
        for name, values in request.query.items():
            if name not in declared:
                problems.append(f"query parameter {name!r} is not declared")
                continue
            for value in values:
                problems += [f"query {name}: {e}" for e in self._errors(declared[name]["schema"], _coerce(value))]
        for name, param in declared.items():
            if param.get("required") and name not in request.query:
                problems.append(f"required query parameter {name!r} missing")
        problems += self._check_body(op, request)
        return problems

    def _check_body(self, op: Operation, request: RecordedRequest) -> list[str]:
        body_spec = op.spec.get("requestBody")
        if body_spec is None:
            return ["a body was sent to an operation that takes none"] if request.body else []
        if not request.body:
            return ["the request body is required"] if body_spec.get("required") else []
        content = body_spec.get("content", {})
        if request.content_type not in content:
            return [f"content type {request.content_type!r} not declared (expected one of {sorted(content)})"]
        schema = content[request.content_type]["schema"]
        if request.content_type == "application/json":
            try:
                value = json.loads(request.body)
            except ValueError:
                return ["the JSON body does not parse"]
            return self._errors(schema, value)
        if request.content_type == "application/x-www-form-urlencoded":
            form = {k: v[-1] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
            resolved = self._resolve(schema)
            extra = sorted(set(form) - set(resolved.get("properties", {})))
            problems = [f"form field {name!r} is not declared" for name in extra]
            return problems + self._errors(schema, form)
        return []

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        if not ref:
            return schema
        node: Any = self.document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node


def _coerce(text: str) -> Any:
    """A query/path string as the JSON value it stands for (FastAPI's lax parsing)."""
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    return text


@cache
def load_spec() -> OpenApiSpec:
    return OpenApiSpec(json.loads(SPEC_PATH.read_text()))
