from wortal.charts import Bar, BarChart, csv_response


def chart(**kwargs):
    return BarChart(
        slug="proba",
        title="Tytuł <wykresu>",
        description="Opis",
        label_heading="Etykieta",
        value_heading="Liczba",
        bars=[Bar("A & B", 10), Bar("Zero", 0)],
        **kwargs,
    )


def test_bars_are_scaled_to_the_largest_and_a_zero_still_shows():
    rows = chart().rows
    assert rows[0]["bar_width"] > rows[1]["bar_width"] == 1


def test_the_svg_is_an_image_with_title_and_description_and_escaped_text():
    svg = chart().svg()
    assert 'role="img"' in svg and 'aria-labelledby="chart-proba-title chart-proba-desc"' in svg
    assert "Tytuł &lt;wykresu&gt;" in svg and "A &amp; B" in svg
    assert ">10</text>" in svg  # the number is written beside its bar, not only drawn


def test_csv_response_is_a_utf8_download():
    response = csv_response("proba.csv", chart().csv_rows())
    assert response["Content-Disposition"] == 'attachment; filename="proba.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == ["Etykieta,Liczba", "A & B,10", "Zero,0"]
