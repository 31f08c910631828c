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
