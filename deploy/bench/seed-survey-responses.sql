-- Every invitation of :campaign answered with all ten questions of :template (1 Nps, 4 Rating, 2 SingleChoice,
-- 2 MultiChoice, 1 Text), deterministic from the invitation id; groups stored as SurveyScores decides them when a
-- response is recorded (0-6 detractor, 7-8 passive, 9-10 promoter; 1-2 dissatisfied, 3 neutral, 4-5 satisfied), and each
-- response's count of Rating answers and of satisfied ones as SurveyResponse stores them.
CREATE TEMP TABLE q AS
SELECT (x->>'id')::uuid AS id, (x->>'position')::int AS position, x->>'type' AS type,
       (row_number() OVER (ORDER BY (x->>'position')::int))::int AS k
FROM survey_templates t, jsonb_array_elements(t.questions) AS x
WHERE t.id = :'template';

-- Each invitation's answers to the numeric questions: the NPS (0-10) and each rating (1-5).
CREATE TEMP TABLE v AS
SELECT i.id AS invitation_id, i.account_id, i.contact_id, i.buying_role, md5('bench-response-' || i.id)::uuid AS response_id,
       abs(hashtext(i.id::text)) AS h, (abs(hashtext(i.id::text)) % 13) % 11 AS nps
FROM survey_invitations i WHERE i.campaign_id = :'campaign';

CREATE TEMP TABLE a AS
SELECT v.response_id, v.account_id, q.id AS question_id, q.position, q.type,
       CASE q.type WHEN 'Nps' THEN v.nps WHEN 'Rating' THEN 1 + ((v.h >> (3 * q.k)) % 5) END AS number,
       CASE q.type WHEN 'SingleChoice' THEN ARRAY[(ARRAY['quality', 'delivery', 'service', 'price'])[1 + (v.h >> q.k) % 4]]
                   WHEN 'MultiChoice' THEN CASE (v.h >> q.k) % 4 WHEN 0 THEN ARRAY['quality', 'delivery'] WHEN 1 THEN ARRAY['delivery', 'service']
                                                                  WHEN 2 THEN ARRAY['quality', 'price'] ELSE ARRAY['service', 'price'] END END AS choices,
       CASE q.type WHEN 'Text' THEN (ARRAY['交付周期希望再缩短一些。', '技术支持响应很快。', 'Pricing could be clearer.', '希望多一些培训。'])[1 + v.h % 4] END AS text
FROM v, q;

INSERT INTO survey_responses (id, invitation_id, campaign_id, template_id, account_id, contact_id, buying_role, channel, language, received_at,
                              nps, nps_group, lowest_rating, rating_answers, satisfied_ratings, needs_follow_up)
SELECT v.response_id, v.invitation_id, :'campaign', :'template', v.account_id, v.contact_id, v.buying_role, 'Email', 'zh-CN', now() - make_interval(secs => v.h % 86400),
       v.nps, CASE WHEN v.nps <= 6 THEN 'Detractor' WHEN v.nps <= 8 THEN 'Passive' ELSE 'Promoter' END, r.lowest, r.ratings, r.satisfied, v.nps <= 6 OR r.lowest <= 2
FROM v
JOIN (SELECT response_id, min(number) AS lowest, count(*) AS ratings, count(*) FILTER (WHERE number >= 4) AS satisfied
      FROM a WHERE type = 'Rating' GROUP BY response_id) r ON r.response_id = v.response_id;

INSERT INTO survey_answers (response_id, question_id, campaign_id, account_id, position, question_type, number, choices, text, nps_group, rating_group)
SELECT a.response_id, a.question_id, :'campaign', a.account_id, a.position, a.type, a.number, a.choices, a.text,
       CASE WHEN a.type = 'Nps' THEN CASE WHEN a.number <= 6 THEN 'Detractor' WHEN a.number <= 8 THEN 'Passive' ELSE 'Promoter' END END,
       CASE WHEN a.type = 'Rating' THEN CASE WHEN a.number <= 2 THEN 'Dissatisfied' WHEN a.number = 3 THEN 'Neutral' ELSE 'Satisfied' END END
FROM a;

UPDATE survey_invitations SET status = 'Responded', responded_at = now() WHERE campaign_id = :'campaign';
