"""The OpenAPI document: the bearer scheme, and the errors each operation can answer with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_openapi_declares_the_bearer_scheme_and_each_operations_security(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key from `sooth keys create`, as `Authorization: Bearer <key>`.",
    }
    operations = {(path, method): op for path, method, op in _operations(document)}
    assert operations[("/api/v1/claims", "post")]["security"] == [{"bearer": []}]
    assert operations[("/api/v1/questions", "get")]["security"] == [{}, {"bearer": []}]
    assert "security" not in operations[("/api/v1/health", "get")]


def test_openapi_lists_the_errors_each_operation_can_answer_with(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = {(path, method): op for path, method, op in _operations(document)}
    post_claim = operations[("/api/v1/claims", "post")]["responses"]
    assert {"401", "403", "409", "413", "422", "429"} <= set(post_claim)
    assert "404" not in post_claim
    one_question = operations[("/api/v1/questions/{question_id}", "get")]["responses"]
    assert {"401", "404", "429"} <= set(one_question)
    assert "403" not in one_question and "409" not in one_question
    for path, method, operation in _operations(document):
        assert "429" in operation["responses"], f"{method} {path}"
        for code, response in operation["responses"].items():
            assert response.get("description"), f"{method} {path} {code}"


def test_docs_page_loads_swagger_ui_from_sooth_itself(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/docs-assets/swagger-ui.css").status_code == 200


def _schemas_under(document: dict[str, Any], schema: dict[str, Any]) -> Iterator[str]:
    """The names of the component schemas a schema refers to, itself included, each once."""
    seen: set[str] = set()
    waiting = [schema]
    while waiting:
        node = waiting.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                if name not in seen:
                    seen.add(name)
                    waiting.append(document["components"]["schemas"][name])
            waiting.extend(node.values())
        elif isinstance(node, list):
            waiting.extend(node)
    yield from sorted(seen)


def test_every_request_body_has_an_example_and_every_field_a_description(client: Any) -> None:
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    bodies = 0
    for path, method, operation in _operations(document):
        if "requestBody" not in operation:
            continue
        for content in operation["requestBody"]["content"].values():
            body = content["schema"]
            bodies += 1
            top = schemas[body["$ref"].rsplit("/", 1)[-1]]
            assert top.get("examples"), f"{method} {path} has no example body"
            for name in _schemas_under(document, body):
                for field, spec in schemas[name].get("properties", {}).items():
                    assert spec.get("description"), f"{name}.{field} ({method} {path})"
    assert bodies >= 13


def test_example_bodies_are_valid_for_their_models() -> None:
    from forecasts.schemas import ClaimCreate, QuestionCreate, ResolutionCreate, SourceCreate

    for model in (SourceCreate, QuestionCreate, ClaimCreate, ResolutionCreate):
        for example in model.model_json_schema()["examples"]:
            model.model_validate(example)
