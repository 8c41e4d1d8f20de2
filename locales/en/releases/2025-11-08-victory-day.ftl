### Victory Day statement, 8 November 2025.
### Source: the embassy's English statement. One message per paragraph, in reading order.

headline = 5th Anniversary of Azerbaijan’s Victory in the 44-Day Patriotic War
subheadline = Statement of the Embassy on Victory Day, 8 November
dateline-city = Islamabad

paragraph-01 =
    This year marks the 5th anniversary of Azerbaijan’s glorious Victory in the 44-day
    Patriotic War. On November 8, 2020, Azerbaijan’s occupied lands were liberated by the
    brave Azerbaijani army, ending the 30-year longing of the people of Azerbaijan. This
    date, which represents the beginning of a new era for Azerbaijan and the region, is
    celebrated as Victory Day following the relevant Order of H.E. Mr. Ilham Aliyev,
    President of the Republic of Azerbaijan.
paragraph-02 =
    Notwithstanding the grave economic, social and humanitarian consequences of Armenia’s
    military aggression and 30-year-long occupation, and the blatant violation of
    Azerbaijan’s territorial integrity and sovereignty, Azerbaijan was a party that made
    constant efforts to resolve the conflict peacefully.
paragraph-03 =
    However, Armenia’s continuation of the illegal military occupation and its steps to
    maintain its consequences, its illegal activities in the occupied territories of
    Azerbaijan, and its breaking of the negotiation process while resorting to unacceptable
    rhetoric such as “new wars for new territories” and “Garabagh is Armenia” led to the
    failure of the peaceful settlement process of the conflict.
paragraph-04 =
    Following the political provocations, Armenia’s another large-scale offensive on
    27 September 2020 forced Azerbaijan to take measures in accordance with its right to
    self-defense as enshrined in the UN Charter. The counter-offensive operation started on
    the same day marked the beginning of the 44-day Patriotic War – the path to victory.
paragraph-05 =
    Armenia, aiming at sustaining the illegal military occupation and at undermining the
    Azerbaijani people’s will, resorted to targeting civilians, committing grave war crimes
    against civilians in densely populated areas such as Ganja, Barda and Tartar, which
    were far from the regions where military operations were conducted.
paragraph-06 =
    However, as a result of the perseverance and bravery of the glorious Army of Azerbaijan,
    led by the victorious Commander-in-Chief during the Patriotic War, the cities of
    Jabrayil, Fuzuli, Zangilan and Gubadli, as well as the city of Shusha, which has special
    symbolic value and importance for the Azerbaijani people, and more than 300 settlements
    were liberated from occupation. The brilliant victory won on the battlefield has led to
    another remarkable result: three Azerbaijani districts, Aghdam, Kalbajar and Lachin,
    have been returned to Azerbaijan without firing a single shot and without a single
    martyr. All together, around 700 settlements were liberated.
paragraph-07 =
    Thus, the territorial integrity of the Republic of Azerbaijan has been restored, and
    Azerbaijan has single-handedly implemented four major documents adopted by the UN
    Security Council in 1993: resolutions 822 of 30 April, 853 of 29 July, 874 of 14 October
    and 884 of 11 November.
paragraph-08 =
    On September 19–20, 2023, in order to put an end to the existence of illegal Armenian
    armed forces and to restore full sovereignty over all its territories, Azerbaijan
    carried out counter-terrorism measures within 24 hours in the Karabakh region.
paragraph-09 =
    It should be emphasized that Pakistan has consistently demonstrated its support for the
    territorial integrity, sovereignty and inviolability of the borders of Azerbaijan, in
    accordance with the demands of the aforementioned UN Security Council resolutions. The
    principled position displayed by Pakistan during the Patriotic War of Azerbaijan and its
    continuous political and moral support for Azerbaijan’s just position were a true
    manifestation of the brotherly relations between our fraternal countries.
paragraph-10 =
    Immediately after the historic Victory of the Republic of Azerbaijan, large-scale
    restoration and reconstruction work, including key infrastructure projects, was
    launched in the Karabakh and East Zangezur regions, and thousands of people have
    returned to their native lands.
paragraph-11 =
    Azerbaijan has always advocated a peace agenda and actively pursued measures to achieve
    lasting peace and stability in the region. Significant progress has now been made in
    this regard. On August 8, 2025, a Joint Declaration was signed between Azerbaijan and
    Armenia in Washington, witnessed by the United States. It was an important historic step
    towards ending the long-lasting conflict between the two countries. The initialing of a
    peace agreement between Azerbaijan and Armenia creates favorable opportunities not only
    for the region but also for the wider geography. The full establishment of prosperity in
    the South Caucasus will open up opportunities not only for the region but also for the
    regions beyond.
paragraph-12 =
    Today, the people of Azerbaijan commemorate with deep respect and gratitude their
    martyrs who sacrificed their lives for the territorial integrity of their country, and
    wish their war heroes good health, their country and people development and
    prosperity, and the region and the world peace and tranquility.
