"""Rules of the offline scorer's surface reading, each a general rule tested on text of its own
(not the adversarial sets' cases): which capitalised words are tools, when a method is only
hypothetical, and feedback that must not contradict what the answer says."""

from analysis.ai.offline.specificity import find_names


def test_a_place_that_a_place_context_introduces_is_not_a_tool():
    text = (
        "Two winters ago our billing team at a logistics firm in Aarhus lost a week to invoice "
        "errors. I flew to Tromso to sit with the client, and on the drive back, passing "
        "Kristiansand, I sketched the fix. I moved the reconciliation into Postgres and tracked "
        "every case in Jira."
    )
    names = find_names(text, "en")
    assert {"Aarhus", "Tromso", "Kristiansand"}.isdisjoint(names)
    assert {"Postgres", "Jira"} <= set(names)


def test_a_product_of_several_capitalised_words_is_one_tool():
    text = "We ran the batch job on AWS Lambda and wrote the results to Azure Cosmos DB."
    names = find_names(text, "en")
    assert "AWS Lambda" in names
    assert {"Lambda", "Azure", "Cosmos"}.isdisjoint(names)


def test_a_gerund_opening_a_list_item_or_a_job_title_is_not_a_tool():
    text = (
        "My plan was simple:\n- Checking the queue depth every hour\n- Paging the owner when it "
        "grew\nThe Area Manager and the Finance Director signed it off, and I built it in Grafana."
    )
    names = find_names(text, "en")
    assert names == ["Grafana"]
